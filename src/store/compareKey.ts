/**
 * A column of the compare view: a (kernel tree, variant) pair. Its key is the variant alone
 * for the June 2026 tree (`A`), and `<tree>:<variant>` for another (`posted-2026-09:C`), so
 * the same clicks can be seen under `2026-06` A and `posted-2026-09` C side by side.
 */
import { DEFAULT_TREE, TREE_IDS, VARIANTS, isTreeId } from '../engine';
import type { TreeId, Variant } from '../engine';

export type CompareKey = Variant | `${TreeId}:${Variant}`;

/** The key of a (tree, variant) column. */
export function compareKey(tree: TreeId, variant: Variant): CompareKey {
  return tree === DEFAULT_TREE ? variant : `${tree}:${variant}`;
}

/** The tree and variant of a column key. */
export function parseCompareKey(key: CompareKey): { tree: TreeId; variant: Variant } {
  const i = key.lastIndexOf(':');
  if (i < 0) return { tree: DEFAULT_TREE, variant: key as Variant };
  const tree = key.slice(0, i);
  return { tree: isTreeId(tree) ? tree : DEFAULT_TREE, variant: key.slice(i + 1) as Variant };
}

/** A column's heading: "Variant C" or "Variant C · posted-2026-09". */
export function compareLabel(key: CompareKey): string {
  const { tree, variant } = parseCompareKey(key);
  return tree === DEFAULT_TREE ? `Variant ${variant}` : `Variant ${variant} · ${tree}`;
}

/** Every column key in display order: the June 2026 variants first, then tree by tree. */
export const ALL_COMPARE_KEYS: readonly CompareKey[] = TREE_IDS.flatMap((t) =>
  VARIANTS.map((v) => compareKey(t, v)),
);
