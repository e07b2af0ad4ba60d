/**
 * The orthogonal switches of SEMANTICS §4.1 (and the kernel-tree switches of §8), the four
 * proposals of §4.2–4.5 as presets of the ordering switches, and how a document's switches
 * are resolved: the tree's defaults, then the variant, then the document's overrides.
 */
import type { CorrectionId } from './corrections';
import { switchDefaultsBefore } from './corrections';
import type { TreeId } from './trees';
import { treeById } from './trees';

/** Where a dependent handler looks up its dependency's token: `.preserve()` or `.freeze()`. */
export type DepLookupPhase = 'preserve' | 'freeze';
/** How a dependent handler gets its dependency back after kexec (§2.2, §4.3). */
export type IncomingDepPolicy = 'implicit' | 'strict';
/**
 * Which retrieve errors `luo_retrieve_file()` remembers in `retrieve_status` (§2.4, §8.2):
 * `true` all but variant B's strict-order refusal, `all` every one (the code of every posted
 * core), `false` none (Nov-2025 core), `retryable` all but those a handler marks retryable
 * (the October 2026 proposal).
 */
export type StickyRetrieveErrors = true | false | 'all' | 'retryable';
/** Whether FINISH checks that dependencies were retrieved by userspace (§4.5). */
export type FinishDepCheck = 'none' | 'canFinishUserRetrieved';
/** memfd-v1 re-creates a memfd without its seals; memfd-v2 restores them (§8.3). */
export type MemfdSeals = 'reset' | 'preserved';
/** iommufd: the Feb 2026 series (sealed, preserved memfds) or the later HWPT revision (§8.3). */
export type IommufdRevision = 'memfd-deps' | 'hwpt';

/** One value for every switch. */
export interface Switches {
  depLookupPhase: DepLookupPhase;
  incomingDepPolicy: IncomingDepPolicy;
  strictErrno: 'EAGAIN' | 'ENOENT';
  finishDepCheck: FinishDepCheck;
  stickyRetrieveErrors: StickyRetrieveErrors;
  fileLimit: number | 'unlimited';
  doublePreserveCheck: boolean;
  sessionDirectionCheck: boolean;
  vfioFinishRequiresBind: boolean;
  memfdSeals: MemfdSeals;
  iommufdRevision: IommufdRevision;
  retrievedFilesBusy: boolean;
  sessionFreeze: boolean;
  /**
   * `fails`: KHO finalize fails at reboot after every session froze: mainline's
   * `liveupdate_reboot()` returns -EAGAIN without unfreezing anything (a fault to inject).
   */
  khoFinalize: 'ok' | 'fails';
}

/** The kernel variants the thread proposed (SEMANTICS §4.2–4.5). */
export type Variant = 'A' | 'B' | 'C' | 'D';
export const VARIANTS: readonly Variant[] = ['A', 'B', 'C', 'D'];

/** The switches a variant decides: its answer to the ordering question. */
export type OrderingSwitches = Pick<
  Switches,
  'depLookupPhase' | 'incomingDepPolicy' | 'finishDepCheck'
>;

/** Each variant's ordering switches. */
export const VARIANT_ORDERING: Readonly<Record<Variant, Readonly<OrderingSwitches>>> = {
  // §4.2 the seed patch: preserve-time lookup + implicit retrieval.
  A: { depLookupPhase: 'preserve', incomingDepPolicy: 'implicit', finishDepCheck: 'none' },
  // §4.3 Pratyush's strict restore order.
  B: { depLookupPhase: 'preserve', incomingDepPolicy: 'strict', finishDepCheck: 'none' },
  // §4.4 lookup deferred to freeze (guest_memfd RFC v2–v4), implicit retrieval.
  C: { depLookupPhase: 'freeze', incomingDepPolicy: 'implicit', finishDepCheck: 'none' },
  // §4.5 Pasha's can_finish guard; lookup at freeze by default (what gmem v3/v4 shipped).
  D: {
    depLookupPhase: 'freeze',
    incomingDepPolicy: 'implicit',
    finishDepCheck: 'canFinishUserRetrieved',
  },
};

/** The switches of SEMANTICS §4.1, in that order (the replay result lists them so). */
export const SWITCH_NAMES = [
  'depLookupPhase',
  'incomingDepPolicy',
  'strictErrno',
  'finishDepCheck',
  'stickyRetrieveErrors',
  'fileLimit',
  'doublePreserveCheck',
  'sessionDirectionCheck',
  'vfioFinishRequiresBind',
] as const satisfies readonly (keyof Switches)[];

/** The switches added with kernel trees (TRACE-FORMAT "Additions for kernel trees"). */
export const TREE_SWITCH_NAMES = [
  'memfdSeals',
  'iommufdRevision',
  'retrievedFilesBusy',
  'sessionFreeze',
  'khoFinalize',
] as const satisfies readonly (keyof Switches)[];

/** Every switch, §4.1 first. */
export const ALL_SWITCH_NAMES: readonly (keyof Switches)[] = [
  ...SWITCH_NAMES,
  ...TREE_SWITCH_NAMES,
];

/**
 * Every switch of a tree and variant, with some overridden. `without` names model
 * corrections to leave out (only to show what a correction changed; see corrections.ts).
 */
export function resolveSwitches(
  variant: Variant,
  overrides: Partial<Switches> = {},
  tree: TreeId = '2026-06',
  without: readonly CorrectionId[] = [],
): Switches {
  return {
    ...treeById(tree).defaults,
    ...switchDefaultsBefore(tree, without),
    ...VARIANT_ORDERING[variant],
    ...overrides,
  };
}

/** Each variant's switches in the `2026-06` tree (the model of the June 2026 thread). */
export const VARIANT_PRESETS: Readonly<Record<Variant, Readonly<Switches>>> = {
  A: resolveSwitches('A'),
  B: resolveSwitches('B'),
  C: resolveSwitches('C'),
  D: resolveSwitches('D'),
};

/**
 * The switches whose value differs from the tree's and variant's, in order (of those that
 * `switches` lists: a replay of an old document lists the §4.1 ones only).
 */
export function changedSwitches(
  variant: Variant,
  switches: Switches,
  tree: TreeId = '2026-06',
): Partial<Switches> {
  const preset = resolveSwitches(variant, {}, tree);
  const out: Partial<Switches> = {};
  for (const name of ALL_SWITCH_NAMES) {
    if (name in switches && switches[name] !== preset[name])
      Object.assign(out, { [name]: switches[name] });
  }
  return out;
}
