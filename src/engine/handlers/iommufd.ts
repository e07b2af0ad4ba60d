/**
 * iommufd (drivers/iommu/iommufd/liveupdate.c): the IOMMU page tables (HWPTs) that assigned
 * devices DMA through. Two revisions, chosen by `iommufdRevision`:
 * - `memfd-deps` ([PATCH 11/14] of the Feb 2026 IOMMU series [S25]): the preserved HWPT maps
 *   memfds; preserve checks each mapped area in turn (file-backed, sealed with GROW+SHRINK+SEAL
 *   when the IOAS mapped it, preserved in this session), then makes the IOAS immutable;
 * - `hwpt` (later revision @039a263 [S52]): preserve saves the HWPTs userspace marked and
 *   checks no memfd; `can_finish` waits until every preserved HWPT was restored and replaced.
 * Lookups are preserve-time under every variant (SEMANTICS §4.6).
 */
import type { Token } from '../types';
import type { FileHandler, HandlerModule, OpResult, OutgoingContext } from './handler';
import { OK, boolProp, fail } from './handler';

function notSealed(dep: string, when: string): OpResult {
  return fail(
    'EINVAL',
    `iommufd.preserve: memfd "${dep}" mapped by the HWPT is not sealed with ` +
      `GROW+SHRINK+SEAL${when} -> -EINVAL`,
  );
}

function notPreserved(ctx: OutgoingContext, dep: string): OpResult {
  return fail(
    'ENOENT',
    `iommufd.preserve: memfd "${dep}" is not preserved in session "${ctx.session}" ` +
      '(liveupdate_get_token_outgoing -> -ENOENT)',
  );
}

const immutable = 'IOAS is immutable now (map/unmap -> -EBUSY)';

/** The Feb 2026 order, per mapped area: sealed at map time, then the token lookup (C6). */
function preserveAreas(ctx: OutgoingContext): OpResult {
  const tokens: Token[] = [];
  for (const dep of ctx.file.deps) {
    if (!ctx.initialPropsOf(dep).sealed) {
      return notSealed(dep, ' when the IOAS mapped it (seals are sampled then: pages->seals)');
    }
    const token = ctx.tokenOutgoing(dep);
    if (token === null) return notPreserved(ctx, dep);
    tokens.push(token);
  }
  return { ok: true, depTokens: tokens, note: immutable };
}

/** Before correction C6: every seal (as it is now) first, then every lookup. */
function preserveSealsFirst(ctx: OutgoingContext): OpResult {
  for (const dep of ctx.file.deps) if (!ctx.propsOf(dep).sealed) return notSealed(dep, '');
  const tokens: Token[] = [];
  for (const dep of ctx.file.deps) {
    const token = ctx.tokenOutgoing(dep);
    if (token === null) return notPreserved(ctx, dep);
    tokens.push(token);
  }
  return { ok: true, depTokens: tokens, note: immutable };
}

const memfdDeps: FileHandler = {
  type: 'iommufd',
  compatible: 'iommufd-v1',
  source: 'drivers/iommu/iommufd/liveupdate.c ([PATCH 11/14], Feb 2026)',
  summary: 'IOMMU page tables (HWPT) mapping memfds for DMA by assigned devices',
  deps: { types: ['memfd'], min: 0, max: Infinity, text: 'zero or more memfd' },
  props: [
    boolProp(
      'hwptRestored',
      'every preserved HWPT restored (IOMMU_HWPT_LU_RESTORE) and replaced (hwpt revision)',
      true,
    ),
  ],
  holdsContents: false,
  preserve: (ctx) => (ctx.corrected('C6') ? preserveAreas(ctx) : preserveSealsFirst(ctx)),
  unpreserve: () => ({ ok: true, note: 'IOAS mutable again' }),
  retrieve: () => ({ ok: true, note: 'iommufd context re-created (Oct-2025 behaviour)' }),
  canFinish: (ctx) =>
    ctx.entry.retrieveStatus > 0
      ? OK
      : fail('EBUSY', 'iommufd.can_finish: not retrieved yet -> false'),
  finish: () => OK,
};

const hwpt: FileHandler = {
  ...memfdDeps,
  source: 'drivers/iommu/iommufd/liveupdate.c (HWPT revision @039a263)',
  preserve: () => ({
    ok: true,
    depTokens: [],
    note: 'the HWPTs marked with IOMMU_HWPT_LU_SET_PRESERVE saved; no memfd is checked',
  }),
  unpreserve: () => OK,
  retrieve: () => ({
    ok: true,
    note: 'iommufd re-created; its HWPTs wait for IOMMU_HWPT_LU_RESTORE',
  }),
  canFinish: (ctx) => {
    if (ctx.entry.retrieveStatus <= 0) {
      return fail('EBUSY', 'iommufd.can_finish: not retrieved yet -> false');
    }
    if (!ctx.props.hwptRestored) {
      return fail(
        'EBUSY',
        'iommufd.can_finish: a preserved HWPT was not restored and replaced ' +
          '(IOMMU_HWPT_LU_RESTORE; iommu_domain_has_attachments) -> false',
      );
    }
    return OK;
  },
};

/** The iommufd handler for the UI and the schema (type information). */
export const iommufd = memfdDeps;

export const iommufdModule: HandlerModule = {
  type: 'iommufd',
  revisions: [memfdDeps, hwpt],
  select: (switches) => (switches.iommufdRevision === 'hwpt' ? hwpt : memfdDeps),
};
