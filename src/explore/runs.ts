/**
 * What a *run* is (issue "Compare variants side by side, and explore every ordering"):
 * 1. boot 0: CREATE_SESSION "s", then PRESERVE attempts, each file at most once, any subset,
 *    any order, token = the file's 1-based position in the scenario;
 * 2. kexec; if it fails, the run ends;
 * 3. boot 1: RETRIEVE_SESSION "s", then RETRIEVE attempts, each token preserved in 1 at most
 *    once, any subset, any order;
 * 4. FINISH (then close if FINISH was refused), or close without FINISH.
 * Both the exhaustive explorer and the naive enumerator build runs from these steps.
 */
import type { FileId, FileSpec, LuoState, Result, SessionHandle, Step, Token } from '../engine';
import { outcomeOf } from '../engine';

export const SESSION = 's';
const OUT = 'S' as SessionHandle;
const IN = 'S1' as SessionHandle;

/** The classes a run falls in (a run may have several; `clean` when none). */
export const CLASSES = [
  'clean',
  'rebootFailed',
  'orphanSilent',
  'orphanDetected',
  'dataLoss',
  'finishRefused',
] as const;
export type RunClass = (typeof CLASSES)[number];

/** Bits of a class set; 0 is `clean`. */
export const BIT: Record<Exclude<RunClass, 'clean'>, number> = {
  rebootFailed: 1,
  orphanSilent: 2,
  orphanDetected: 4,
  dataLoss: 8,
  finishRefused: 16,
};

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
  const outcome = outcomeOf(state);
  let bits = 0;
  if (outcome.orphans.some((o) => !o.detected)) bits |= BIT.orphanSilent;
  if (outcome.orphans.some((o) => o.detected)) bits |= BIT.orphanDetected;
  if (outcome.dataLoss.length > 0) bits |= BIT.dataLoss;
  if (finish !== undefined && finish !== 'ok') bits |= BIT.finishRefused;
  return bits;
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
