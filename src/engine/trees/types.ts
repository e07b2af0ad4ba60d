/** The shape of a kernel tree: a named, dated, sourced bundle the LUO core reads (§8.5). */
import type { Switches } from '../switches';
import type { FileType } from '../types';

/** The kernel trees luoscope models (TRACE-FORMAT `kernel`). */
export const TREE_IDS = ['2026-06', 'v7.3', 'posted-2026-09', 'proposed-2026-10'] as const;
export type TreeId = (typeof TREE_IDS)[number];

/** The switches a tree sets; a variant sets the ordering ones on top. */
export type TreeDefaults = Omit<
  Switches,
  'depLookupPhase' | 'incomingDepPolicy' | 'finishDepCheck'
>;

/** One rule a tree adds or changes, with the kernel source it comes from. */
export interface TreeRule {
  text: string;
  source: string;
}

/** A kernel tree. The core never asks which tree it is: it reads these fields. */
export interface KernelTree {
  id: TreeId;
  /** When the code it models was posted or released. */
  date: string;
  title: string;
  /** One paragraph for the picker: what the tree is. */
  summary: string;
  /** File types that have a LUO handler in this tree (others: PRESERVE_FD -> ENOENT). */
  handlers: readonly FileType[];
  defaults: TreeDefaults;
  /** The rules it adds over the June 2026 model, each with its source. */
  rules: readonly TreeRule[];
}
