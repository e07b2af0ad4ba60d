/**
 * What a *run* is under the default shape (issue "Compare variants side by side, and explore
 * every ordering"; other shapes in shape.ts and docs/explore.md):
 * 1. boot 0: CREATE_SESSION "s", then PRESERVE attempts, each file at most once, any subset,
 *    any order, token = the file's 1-based position in the scenario;
 * 2. kexec; if it fails, the run ends;
 * 3. boot 1: RETRIEVE_SESSION "s", then RETRIEVE attempts, each token preserved in 1 at most
 *    once, any subset, any order;
 * 4. FINISH (then close if FINISH was refused), or close without FINISH.
 * The explorers and the naive enumerator build runs from these steps, and every run falls in
 * the classes of CLASS_TABLE.
 */
import type { FileId, FileSpec, LuoState, Result, SessionHandle, Step, Token } from '../engine';
import { outcomeOf } from '../engine';

export const SESSION = 's';
const OUT = 'S' as SessionHandle;
const IN = 'S1' as SessionHandle;

/** How a run ended, as the class tests see it. */
export interface RunEnd {
  /** The state after the last step. */
  state: LuoState;
  /** A kexec of the run failed (the run ended there). */
  rebootFailed: boolean;
  /** A FINISH of the run was refused. */
  finishRefused: boolean;
}

/** One class of runs: its bit, and whether a run is in it. */
export interface ClassEntry {
  id: string;
  bit: number;
  /** Tested on runs whose kexec failed too (else those runs are `rebootFailed` only). */
  afterFailedReboot?: boolean;
  /** Reported only when some run is in it (classes the engine may not produce yet). */
  optional?: boolean;
  test(end: RunEnd): boolean;
}

/** Engine fields of issue 13 that this branch's engine may not have yet. */
interface Later {
  hung?: unknown;
  devicesReset?: readonly unknown[];
}

/** The classes a run may fall in, besides `clean` (no class at all). One entry per class. */
export const CLASS_TABLE = [
  { id: 'rebootFailed', bit: 1, test: (e: RunEnd) => e.rebootFailed },
  {
    id: 'orphanSilent',
    bit: 2,
    test: (e: RunEnd) => outcomeOf(e.state).orphans.some((o) => !o.detected),
  },
  {
    id: 'orphanDetected',
    bit: 4,
    test: (e: RunEnd) => outcomeOf(e.state).orphans.some((o) => o.detected),
  },
  { id: 'dataLoss', bit: 8, test: (e: RunEnd) => outcomeOf(e.state).dataLoss.length > 0 },
  { id: 'finishRefused', bit: 16, test: (e: RunEnd) => e.finishRefused },
  {
    id: 'hang',
    bit: 32,
    optional: true,
    afterFailedReboot: true,
    test: (e: RunEnd) => {
      const hung = (e.state as unknown as Later).hung;
      return hung !== undefined && hung !== null;
    },
  },
  {
    id: 'deviceReset',
    bit: 64,
    optional: true,
    afterFailedReboot: true,
    test: (e: RunEnd) => {
      const fromState = (e.state as unknown as Later).devicesReset;
      const fromOutcome = (outcomeOf(e.state) as unknown as Later).devicesReset;
      return (fromState?.length ?? 0) > 0 || (fromOutcome?.length ?? 0) > 0;
    },
  },
] as const satisfies readonly ClassEntry[];

/** The classes a run falls in (a run may have several; `clean` when none). */
export const CLASSES = ['clean', ...CLASS_TABLE.map((c) => c.id)] as [
  'clean',
  ...(typeof CLASS_TABLE)[number]['id'][],
];
export type RunClass = 'clean' | (typeof CLASS_TABLE)[number]['id'];

/** Bits of a class set; 0 is `clean`. */
export const BIT = Object.fromEntries(CLASS_TABLE.map((c) => [c.id, c.bit])) as Record<
  Exclude<RunClass, 'clean'>,
  number
>;

/** Whether class `c` is listed even when no run falls in it. */
export function isReported(c: RunClass, count: bigint): boolean {
  const entry = CLASS_TABLE.find((e) => e.id === c) as ClassEntry | undefined;
  return !entry?.optional || count > 0n;
}

/** The class bits of a run from how it ended. */
export function endBits(end: RunEnd): number {
  let bits = 0;
  for (const entry of CLASS_TABLE as readonly ClassEntry[]) {
    if (end.rebootFailed && !entry.afterFailedReboot && entry.id !== 'rebootFailed') continue;
    if (entry.test(end)) bits |= entry.bit;
  }
  return bits;
}

export const createStep: Step = { op: 'createSession', name: SESSION, as: OUT };
export const kexecStep: Step = { op: 'kexec' };
export const retrieveSessionStep: Step = { op: 'retrieveSession', name: SESSION, as: IN };
export const finishStep: Step = { op: 'finish', session: IN, reserved: 0 };
export const closeStep: Step = { op: 'closeSession', session: IN };

/** The token a file gets in every run: its 1-based position in the scenario. */
export function tokenOf(files: readonly FileSpec[], id: FileId): Token {
  return (files.findIndex((f) => f.id === id) + 1) as Token;
}

export function preserveStep(files: readonly FileSpec[], index: number): Step {
  const file = files[index]!;
  return { op: 'preserve', session: OUT, file: file.id, token: (index + 1) as Token };
}

export function retrieveStep(token: Token): Step {
  return { op: 'retrieve', session: IN, token };
}

/** The class bits of a run that rebooted, from its final state and its FINISH result. */
export function classBits(state: LuoState, finish?: Result): number {
  return endBits({
    state,
    rebootFailed: false,
    finishRefused: finish !== undefined && finish !== 'ok',
  });
}

/** The class bits of a run whose kexec failed in `state`. */
export function rebootFailedBits(state: LuoState): number {
  return endBits({ state, rebootFailed: true, finishRefused: false });
}

/** Whether a run with these class bits falls in class `c` (`clean`: no bit at all). */
export function hasClass(bits: number, c: RunClass): boolean {
  return c === 'clean' ? bits === 0 : (bits & BIT[c]) !== 0;
}

/** The classes in a set of bits. */
export function classesOf(bits: number): RunClass[] {
  if (bits === 0) return ['clean'];
  return (Object.keys(BIT) as Exclude<RunClass, 'clean'>[]).filter((c) => bits & BIT[c]);
}
