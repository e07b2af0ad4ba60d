/**
 * The model a run uses: the kernel tree (which handlers exist, SEMANTICS §8.5) and the model
 * corrections applied (§9; all of them, except to show what one changed).
 */
import type { CorrectionId } from './corrections';
import { CORRECTION_IDS } from './corrections';
import type { KernelTree, TreeId } from './trees';
import { DEFAULT_TREE, treeById } from './trees';

export interface Model {
  tree: KernelTree;
  corrections: ReadonlySet<CorrectionId>;
}

const ALL: ReadonlySet<CorrectionId> = new Set(CORRECTION_IDS);

/** A tree with every correction applied, or with `without` left out. */
export function modelOf(tree: TreeId = DEFAULT_TREE, without: readonly CorrectionId[] = []): Model {
  return {
    tree: treeById(tree),
    corrections: without.length ? new Set(CORRECTION_IDS.filter((c) => !without.includes(c))) : ALL,
  };
}

/** The June 2026 tree with every correction: the model of a document without `kernel`. */
export const DEFAULT_MODEL: Model = modelOf();
