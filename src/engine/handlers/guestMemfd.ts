/**
 * guest_memfd (`guest_memfd_luo_v1`, virt/kvm/guest_memfd_luo.c [S20–S22]): guest memory that
 * belongs to one VM. Its VM lookup and retrieval follow the variant (see dependent.ts).
 */
import type { FileHandler } from './handler';
import { OK } from './handler';
import { danglingDeps, depsCanFinish, freezeDeps, preserveDeps, retrieveDeps } from './dependent';

export const guestMemfd: FileHandler = {
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
