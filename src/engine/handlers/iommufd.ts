/**
 * iommufd (`iommufd-v1`, IOMMU live-update series [S25][S36]): its preserved HWPT maps memfds,
 * which must be sealed and preserved in the same session first. Lookups are preserve-time in
 * every variant (SEMANTICS §4.6).
 */
import type { FileHandler } from './handler';
import { OK, fail } from './handler';
import type { Token } from '../types';

export const iommufd: FileHandler = {
  type: 'iommufd',
  compatible: 'iommufd-v1',
  source: 'drivers/iommu/iommufd/liveupdate.c',
  summary: 'IOMMU page tables (HWPT) mapping memfds for DMA by assigned devices',
  deps: { types: ['memfd'], min: 1, max: Infinity, text: 'one or more memfd' },
  props: [],
  holdsContents: false,
  preserve: (ctx) => {
    for (const dep of ctx.file.deps) {
      if (!ctx.propsOf(dep).sealed) {
        return fail(
          'EINVAL',
          `iommufd.preserve: memfd "${dep}" mapped by the HWPT is not sealed with ` +
            'GROW+SHRINK+SEAL -> -EINVAL',
        );
      }
    }
    const tokens: Token[] = [];
    for (const dep of ctx.file.deps) {
      const token = ctx.tokenOutgoing(dep);
      if (token === null) {
        return fail(
          'ENOENT',
          `iommufd.preserve: memfd "${dep}" is not preserved in session "${ctx.session}" ` +
            '(liveupdate_get_token_outgoing -> -ENOENT)',
        );
      }
      tokens.push(token);
    }
    return { ok: true, depTokens: tokens, note: 'IOAS is immutable now (map/unmap -> -EBUSY)' };
  },
  unpreserve: () => ({ ok: true, note: 'IOAS mutable again' }),
  retrieve: () => ({ ok: true, note: 'iommufd context re-created (Oct-2025 behaviour)' }),
  canFinish: (ctx) =>
    ctx.entry.retrieveStatus > 0
      ? OK
      : fail('EBUSY', 'iommufd.can_finish: not retrieved yet -> false'),
  finish: () => OK,
};
