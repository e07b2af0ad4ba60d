/** The kernel trees, in date order, and the lookup by id. Adding a tree: one module, one entry. */
import { TREE_2026_06 } from './tree-2026-06';
import { TREE_POSTED_2026_09 } from './posted-2026-09';
import { TREE_PROPOSED_2026_10 } from './proposed-2026-10';
import type { KernelTree, TreeId } from './types';
import { TREE_IDS } from './types';
import { TREE_V7_3 } from './v7-3';

export type { KernelTree, TreeDefaults, TreeId, TreeRule } from './types';
export { TREE_IDS } from './types';

/** Every tree, by date. */
export const TREES: readonly KernelTree[] = [
  TREE_2026_06,
  TREE_V7_3,
  TREE_POSTED_2026_09,
  TREE_PROPOSED_2026_10,
];

/** The tree of a document that names none (TRACE-FORMAT `kernel`). */
export const DEFAULT_TREE: TreeId = '2026-06';

/** The tree with this id. */
export function treeById(id: TreeId): KernelTree {
  const tree = TREES.find((t) => t.id === id);
  if (!tree) throw new Error(`unknown kernel tree "${id}"`);
  return tree;
}

/** Whether a string names a tree. */
export function isTreeId(value: unknown): value is TreeId {
  return TREE_IDS.some((id) => id === value);
}
