/** `proposed-2026-10`: posted-2026-09 plus the October 2026 series (§8.2). */
import { TREE_POSTED_2026_09 } from './posted-2026-09';
import type { KernelTree } from './types';

export const TREE_PROPOSED_2026_10: KernelTree = {
  ...TREE_POSTED_2026_09,
  id: 'proposed-2026-10',
  date: '2026-10-20',
  title: 'proposed, Oct 2026',
  summary:
    'posted-2026-09 plus the series of Pasha Tatashin and David Matlack (v2, 20 Oct 2026; not ' +
    'merged): LIVEUPDATE_SESSION_FREEZE freezes a session early, and a handler may mark a ' +
    'retrieve error retryable, so that it is not remembered.',
  defaults: {
    ...TREE_POSTED_2026_09.defaults,
    stickyRetrieveErrors: 'retryable',
    sessionFreeze: true,
  },
  rules: [
    ...TREE_POSTED_2026_09.rules,
    {
      text: 'LIVEUPDATE_SESSION_FREEZE: early freeze of one session; PRESERVE_FD and a second FREEZE -> EBUSY',
      source:
        'lkml msg2664009-2664016 (v2, 20 Oct 2026); soleen/linux tools/testing/selftests/liveupdate/liveupdate.c @4a80ff2 session_freeze',
    },
    {
      text: 'args->retryable: a retrieve error a handler marks retryable leaves retrieve_status at 0',
      source: 'lkml msg2664009-2664016 (v2, 20 Oct 2026)',
    },
  ],
};
