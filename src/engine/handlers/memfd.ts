/**
 * memfd (mm/memfd_luo.c [S7]): shmem contents preserved across kexec. Two revisions:
 * - `memfd-v1`: the retrieved memfd is a new file without the seals, created without
 *   MFD_ALLOW_SEALING, so it can never be sealed again (correction C5);
 * - `memfd-v2` (8a552d68a86e, 5 Apr 2026 [S49]): seals are preserved and re-applied.
 * Neither accepts a hugetlb memfd: `can_preserve` is `shmem_file() && !i_nlink` (§9).
 */
import type { FileHandler, HandlerModule } from './handler';
import { OK, boolProp, fail } from './handler';

const v1: FileHandler = {
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
      check: (current, next, ctx) => {
        if (current === true && next === false) {
          return fail(
            'EPERM',
            'fcntl(F_ADD_SEALS): seals can never be removed once F_SEAL_SEAL is set',
          );
        }
        if (
          next === true &&
          current !== true &&
          ctx.retrieved &&
          ctx.switches.memfdSeals === 'reset' &&
          ctx.corrected('C5')
        ) {
          return fail(
            'EPERM',
            'fcntl(F_ADD_SEALS): memfd-v1 re-created this memfd with memfd_alloc_file("", 0), ' +
              'without MFD_ALLOW_SEALING, so it carries F_SEAL_SEAL -> -EPERM ' +
              '(memfd_luo_retrieve, mm/memfd_luo.c; correction C5)',
          );
        }
        return OK;
      },
    },
    boolProp('hugetlb', 'hugetlb-backed (MFD_HUGETLB): no LUO handler accepts it', false),
  ],
  holdsContents: true,
  canPreserve: (ctx) =>
    ctx.props.hugetlb
      ? 'a hugetlb memfd (MFD_HUGETLB) is not a shmem file (memfd_luo_can_preserve: shmem_file() && !i_nlink)'
      : null,
  preserve: () => ({ ok: true, note: 'inode frozen (no grow/shrink), folios pinned' }),
  unpreserve: () => OK,
  freeze: () => ({ ok: true, note: 'file position updated' }),
  retrieve: () => ({ ok: true, note: 'new memfd with the preserved contents' }),
  finish: (ctx) =>
    ctx.entry.retrieveStatus === 0
      ? { ok: true, note: 'never retrieved: preserved folios freed, contents discarded' }
      : OK,
};

const v2: FileHandler = {
  ...v1,
  compatible: 'memfd-v2',
  source: 'mm/memfd_luo.c (memfd-v2, 8a552d68a86e)',
  keepsProps: ['sealed'],
  retrieve: () => ({ ok: true, note: 'new memfd with the preserved contents and seals' }),
};

/** The memfd handler of the first revision (type information for the UI and the schema). */
export const memfd = v1;

export const memfdModule: HandlerModule = {
  type: 'memfd',
  revisions: [v1, v2],
  select: (switches) => (switches.memfdSeals === 'preserved' ? v2 : v1),
};
