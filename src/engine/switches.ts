/**
 * The orthogonal switches of SEMANTICS §4.1 and the four proposals of §4.2–4.5 as presets.
 */

/** Where a dependent handler looks up its dependency's token: `.preserve()` or `.freeze()`. */
export type DepLookupPhase = 'preserve' | 'freeze';
/** How a dependent handler gets its dependency back after kexec (§2.2, §4.3). */
export type IncomingDepPolicy = 'implicit' | 'strict';
/** Which retrieve errors `luo_retrieve_file()` remembers in `retrieve_status` (§2.4). */
export type StickyRetrieveErrors = true | false | 'all';
/** Whether FINISH checks that dependencies were retrieved by userspace (§4.5). */
export type FinishDepCheck = 'none' | 'canFinishUserRetrieved';

/** One value for every switch of SEMANTICS §4.1. */
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
}

/** The kernel variants the thread proposed (SEMANTICS §4.2–4.5). */
export type Variant = 'A' | 'B' | 'C' | 'D';
export const VARIANTS: readonly Variant[] = ['A', 'B', 'C', 'D'];

/** Switch values shared by every variant (the defaults of §4.1). */
const COMMON = {
  strictErrno: 'EAGAIN',
  stickyRetrieveErrors: true,
  fileLimit: 'unlimited',
  doublePreserveCheck: true,
  sessionDirectionCheck: true,
  vfioFinishRequiresBind: false,
} as const;

/** Each variant's switch values. */
export const VARIANT_PRESETS: Readonly<Record<Variant, Readonly<Switches>>> = {
  // §4.2 the seed patch: preserve-time lookup + implicit retrieval.
  A: {
    ...COMMON,
    depLookupPhase: 'preserve',
    incomingDepPolicy: 'implicit',
    finishDepCheck: 'none',
  },
  // §4.3 Pratyush's strict restore order.
  B: { ...COMMON, depLookupPhase: 'preserve', incomingDepPolicy: 'strict', finishDepCheck: 'none' },
  // §4.4 lookup deferred to freeze (guest_memfd RFC v2–v4), implicit retrieval.
  C: { ...COMMON, depLookupPhase: 'freeze', incomingDepPolicy: 'implicit', finishDepCheck: 'none' },
  // §4.5 Pasha's can_finish guard; lookup at freeze by default (what gmem v3/v4 shipped).
  D: {
    ...COMMON,
    depLookupPhase: 'freeze',
    incomingDepPolicy: 'implicit',
    finishDepCheck: 'canFinishUserRetrieved',
  },
};

/** Every switch name, in the order of §4.1. */
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

/** A variant's preset with some switches overridden. */
export function resolveSwitches(variant: Variant, overrides: Partial<Switches> = {}): Switches {
  return { ...VARIANT_PRESETS[variant], ...overrides };
}

/** The switches whose value differs from the variant's preset, in §4.1 order. */
export function changedSwitches(variant: Variant, switches: Switches): Partial<Switches> {
  const preset = VARIANT_PRESETS[variant];
  const out: Partial<Switches> = {};
  for (const name of SWITCH_NAMES) {
    if (switches[name] !== preset[name]) Object.assign(out, { [name]: switches[name] });
  }
  return out;
}
