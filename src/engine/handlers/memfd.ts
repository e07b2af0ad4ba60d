/** memfd (`memfd-v1`, mm/memfd_luo.c [S7]): shmem contents preserved across kexec. */
import type { FileHandler } from './handler';
import { OK, fail } from './handler';

export const memfd: FileHandler = {
  type: 'memfd',
  compatible: 'memfd-v1',
  source: 'mm/memfd_luo.c',
  summary: 'shared memory (guest RAM, VMM state); its pages survive the kexec',
  deps: { types: [], min: 0, max: 0, text: 'no dependencies' },
  props: [
    {
      name: 'sealed',
      kind: 'boolean',
      default: false,
      label: 'sealed (F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL), needed by iommufd',
      userspace: true,
      check: (current, next) =>
        current === true && next === false
          ? fail('EPERM', 'fcntl(F_ADD_SEALS): seals can never be removed once F_SEAL_SEAL is set')
          : OK,
    },
  ],
  holdsContents: true,
  preserve: () => ({ ok: true, note: 'inode frozen (no grow/shrink), folios pinned' }),
  unpreserve: () => OK,
  freeze: () => ({ ok: true, note: 'file position updated' }),
  retrieve: () => ({ ok: true, note: 'new memfd with the preserved contents' }),
  finish: (ctx) =>
    ctx.entry.retrieveStatus === 0
      ? { ok: true, note: 'never retrieved: preserved folios freed, contents discarded' }
      : OK,
};
