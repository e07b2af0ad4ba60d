/**
 * Replaying a trace: every step through the engine, in order, and the JSON object that
 * `replay --json` prints (TRACE-FORMAT "Replay result").
 */
import type { Callback, FileId, LuoState, Op, Result, Step, Switches, Variant } from '../engine';
import { SWITCH_NAMES, createState, outcomeOf, resolveSwitches, step } from '../engine';
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

/** A step whose `expect` did not hold. */
export interface Mismatch {
  step: number;
  expected: Result;
  actual: Result;
}

/** The outcome of the whole run, plus every expectation that failed. */
export interface ReplayOutcome {
  boots: number;
  orphans: { file: FileId; dependsOn: FileId; detected: boolean }[];
  dataLoss: FileId[];
  stuckSessions: string[];
  mismatches: Mismatch[];
}

/** The replay result, exactly the JSON of TRACE-FORMAT "Replay result". */
export interface ReplayResult {
  format: typeof REPLAY_FORMAT;
  variant: Variant;
  /** Every switch, resolved from the variant and the document's overrides (§4.1 order). */
  switches: Switches;
  steps: ReplayStep[];
  outcome: ReplayOutcome;
}

/** The switches a document runs under, in the order of SEMANTICS §4.1. */
export function traceSwitches(doc: TraceDoc): Switches {
  const all = resolveSwitches(doc.variant, doc.switches);
  return Object.fromEntries(SWITCH_NAMES.map((name) => [name, all[name]])) as unknown as Switches;
}

/** The engine step of a trace step (without its `expect`). */
export function engineStep(s: TraceDoc['steps'][number]): Step {
  const rest: Partial<typeof s> = { ...s };
  delete rest.expect;
  return rest as Step;
}

/** Replays a validated document through the engine; also returns the final state. */
export function replayWithState(doc: TraceDoc): { result: ReplayResult; state: LuoState } {
  const switches = traceSwitches(doc);
  let state = createState(doc.files, switches);
  const steps: ReplayStep[] = [];
  const mismatches: Mismatch[] = [];
  doc.steps.forEach((s, index) => {
    const out = step(state, engineStep(s));
    state = out.state;
    const { result, reason, callbacks } = out.result;
    steps.push({ index, op: s.op, result, reason, callbacks });
    if (s.expect !== undefined && s.expect !== result) {
      mismatches.push({ step: index, expected: s.expect, actual: result });
    }
  });
  const result: ReplayResult = {
    format: REPLAY_FORMAT,
    variant: doc.variant,
    switches,
    steps,
    outcome: { ...outcomeOf(state), mismatches },
  };
  return { result, state };
}

/** Replays a validated document: one entry per step, the outcome, the failed expectations. */
export function replayTrace(doc: TraceDoc): ReplayResult {
  return replayWithState(doc).result;
}

/** A document's text replayed, or refused with the one-line message of `parseTrace`. */
export type TextReplay =
  { ok: true; doc: TraceDoc; result: ReplayResult } | { ok: false; error: string };

/** Parses a document's text and replays it: the path every caller (the CLI, tests) takes. */
export function replayText(text: string): TextReplay {
  const parsed = parseTrace(text);
  return parsed.ok ? { ok: true, doc: parsed.doc, result: replayTrace(parsed.doc) } : parsed;
}
