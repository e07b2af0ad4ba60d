/**
 * guest_memfd (`guest_memfd_luo_v1`, virt/kvm/guest_memfd_luo.c [S20–S22]): guest memory that
 * belongs to one VM. Its VM lookup and retrieval follow the variant (see dependent.ts).
 */
import type { FileHandler, HandlerModule } from './handler';
import { OK } from './handler';
import { danglingDeps, depsCanFinish, freezeDeps, preserveDeps, retrieveDeps } from './dependent';

/** Before correction C2: both freeze and unfreeze. */
const legacy: FileHandler = {
  type: 'guest_memfd',
  compatible: 'guest_memfd_luo_v1',
  source: 'virt/kvm/guest_memfd_luo.c',
  summary: 'guest memory of one VM; useless without that VM fd',
  deps: { types: ['kvm-vm'], min: 1, max: 1, text: 'exactly one kvm-vm' },
  props: [],
  holdsContents: true,
  preserve: preserveDeps,
  unpreserve: () => OK,
  freeze: freezeDeps,
  unfreeze: () => OK,
  retrieve: retrieveDeps,
  canFinish: depsCanFinish,
  finish: (ctx) =>
    ctx.entry.retrieveStatus === 0
      ? { ok: true, note: 'never retrieved: folios discarded, metadata freed' }
      : OK,
  danglingDeps,
  dependencyGuard: depsCanFinish,
};

/** The soleen/linux copy @223cf46 (preserve-time lookup): neither `.freeze` nor `.unfreeze`. */
const preserveTime: FileHandler = (({ freeze: _f, unfreeze: _u, ...rest }) => ({
  ...rest,
  source: 'virt/kvm/guest_memfd_luo.c (soleen/linux @223cf46)',
}))(legacy);

/** The tar-unix copies @42820059 and v4 (freeze-time lookup): `.freeze`, no `.unfreeze`. */
const freezeTime: FileHandler = (({ unfreeze: _u, ...rest }) => ({
  ...rest,
  source: 'virt/kvm/guest_memfd_luo.c (tar-unix/linux @42820059, v4)',
}))(legacy);

/** guest_memfd for the UI and the schema (type information). */
export const guestMemfd = legacy;

export const guestMemfdModule: HandlerModule = {
  type: 'guest_memfd',
  revisions: [preserveTime, freezeTime],
  select: (switches, corrected) =>
    !corrected('C2') ? legacy : switches.depLookupPhase === 'preserve' ? preserveTime : freezeTime,
};
