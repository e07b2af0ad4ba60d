/**
 * Replaying a trace: every step through the engine, in order, and the JSON object that
 * `replay --json` prints (TRACE-FORMAT "Replay result").
 */
import type {
  Callback,
  CorrectionId,
  FileId,
  LuoState,
  Op,
  Result,
  Step,
  Switches,
  TreeId,
  Variant,
} from '../engine';
import {
  ALL_SWITCH_NAMES,
  CORRECTION_IDS,
  SWITCH_NAMES,
  TREE_SWITCH_NAMES,
  createState,
  modelOf,
  outcomeOf,
  resolveSwitches,
  step,
} from '../engine';
import type { TraceDoc } from './parse';
import { parseTrace } from './parse';

/** The `format` of a replay result. */
export const REPLAY_FORMAT = 'luoscope/replay@1';

/** What one step returned: its result, the reason, the handler callbacks in call order. */
export interface ReplayStep {
  index: number;
  op: Op;
  result: Result;
  reason: string;
  callbacks: Callback[];
}

/** A step whose `expect` did not hold; `correction` names the model correction that made it. */
export interface Mismatch {
  step: number;
  expected: Result;
  actual: Result;
  correction?: CorrectionId;
}

/** The outcome of the whole run, plus every expectation that failed. */
export interface ReplayOutcome {
  boots: number;
  orphans: { file: FileId; dependsOn: FileId; detected: boolean }[];
  dataLoss: FileId[];
  stuckSessions: string[];
  /** Present only when a rolled-back freeze left devices reset (correction C2). */
  devicesReset?: FileId[];
  /** Present only when a step hung (correction C1): every later step was not reached. */
  hung?: { step: number; reason: string };
  mismatches: Mismatch[];
}

/** The replay result, exactly the JSON of TRACE-FORMAT "Replay result". */
export interface ReplayResult {
  format: typeof REPLAY_FORMAT;
  /** The kernel tree, present when the document names one. */
  kernel?: TreeId;
  variant: Variant;
  /** Every switch, resolved from the tree, the variant and the document's overrides. */
  switches: Switches;
  steps: ReplayStep[];
  outcome: ReplayOutcome;
}

/** Options of a replay: model corrections to leave out (to show what one changed). */
export interface ReplayOptions {
  without?: readonly CorrectionId[];
}

/** Options of `replayText`: also a kernel tree to run the document under instead of its own. */
export interface TextReplayOptions extends ReplayOptions {
  kernel?: TreeId;
}

/**
 * The switches a document runs under. A document that names no kernel tree and sets none of
 * the tree switches lists the switches of SEMANTICS §4.1 only, as it always did; the others
 * have their `2026-06` values.
 */
export function traceSwitches(doc: TraceDoc, without: readonly CorrectionId[] = []): Switches {
  const all = resolveSwitches(doc.variant, doc.switches, doc.kernel, without);
  const names = listsTreeSwitches(doc) ? ALL_SWITCH_NAMES : SWITCH_NAMES;
  return Object.fromEntries(names.map((name) => [name, all[name]])) as unknown as Switches;
}

function listsTreeSwitches(doc: TraceDoc): boolean {
  return doc.kernel !== undefined || TREE_SWITCH_NAMES.some((n) => doc.switches[n] !== undefined);
}

/** The engine step of a trace step (without its `expect`). */
export function engineStep(s: TraceDoc['steps'][number]): Step {
  const rest: Partial<typeof s> = { ...s };
  delete rest.expect;
  return rest as Step;
}

/** The first state of a document's run. */
export function initialState(doc: TraceDoc, without: readonly CorrectionId[] = []): LuoState {
  const all = resolveSwitches(doc.variant, doc.switches, doc.kernel, without);
  return createState(doc.files, all, modelOf(doc.kernel, without));
}

/** Every step's result, run through the engine. */
function runResults(doc: TraceDoc, without: readonly CorrectionId[]): Result[] {
  let state = initialState(doc, without);
  return doc.steps.map((s) => {
    const out = step(state, engineStep(s));
    state = out.state;
    return out.result.result;
  });
}

/**
 * The correction that makes each mismatch: the first one without which the step gives what
 * the document expected (only computed when some `expect` failed).
 */
function attribute(doc: TraceDoc, mismatches: Mismatch[], without: readonly CorrectionId[]): void {
  const open = new Set(mismatches.map((m) => m.step));
  for (const id of CORRECTION_IDS) {
    if (open.size === 0) return;
    if (without.includes(id)) continue;
    const before = runResults(doc, [...without, id]);
    for (const m of mismatches) {
      if (open.has(m.step) && before[m.step] === m.expected) {
        m.correction = id;
        open.delete(m.step);
      }
    }
  }
}

/** Replays a validated document through the engine; also returns the final state. */
export function replayWithState(
  doc: TraceDoc,
  options: ReplayOptions = {},
): { result: ReplayResult; state: LuoState } {
  const without = options.without ?? [];
  let state = initialState(doc, without);
  const steps: ReplayStep[] = [];
  const mismatches: Mismatch[] = [];
  let hung: ReplayOutcome['hung'];
  doc.steps.forEach((s, index) => {
    const out = step(state, engineStep(s));
    state = out.state;
    const { result, reason, callbacks } = out.result;
    steps.push({ index, op: s.op, result, reason, callbacks });
    if (result === 'hang' && hung === undefined) hung = { step: index, reason };
    if (s.expect !== undefined && s.expect !== result) {
      mismatches.push({ step: index, expected: s.expect, actual: result });
    }
  });
  if (mismatches.length) attribute(doc, mismatches, without);
  // The engine's outcome, with `hung` moved to the end and given its step.
  const { boots, orphans, dataLoss, stuckSessions, devicesReset } = outcomeOf(state);
  const outcome = { boots, orphans, dataLoss, stuckSessions };
  const result: ReplayResult = {
    format: REPLAY_FORMAT,
    ...(doc.kernel === undefined ? {} : { kernel: doc.kernel }),
    variant: doc.variant,
    switches: traceSwitches(doc, without),
    steps,
    outcome: {
      ...outcome,
      ...(devicesReset ? { devicesReset } : {}),
      ...(hung ? { hung } : {}),
      mismatches,
    },
  };
  return { result, state };
}

/** Replays a validated document: one entry per step, the outcome, the failed expectations. */
export function replayTrace(doc: TraceDoc, options: ReplayOptions = {}): ReplayResult {
  return replayWithState(doc, options).result;
}

/** A document's text replayed, or refused with the one-line message of `parseTrace`. */
export type TextReplay =
  { ok: true; doc: TraceDoc; result: ReplayResult } | { ok: false; error: string };

/** Parses a document's text and replays it: the path every caller (the CLI, tests) takes. */
export function replayText(text: string, options: TextReplayOptions = {}): TextReplay {
  const parsed = parseTrace(text);
  if (!parsed.ok) return parsed;
  const { kernel, ...rest } = options;
  const doc = kernel === undefined ? parsed.doc : { ...parsed.doc, kernel };
  return { ok: true, doc, result: replayTrace(doc, rest) };
}
