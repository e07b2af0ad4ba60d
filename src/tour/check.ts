/**
 * Replaying a tour step through the engine: its history, then its answer, and what the engine
 * shows afterwards. The page uses `observe` and `unmet` on the store's state; the unit test
 * uses `checkStep` on the data alone, so both judge an answer the same way.
 */
import { createState, fileView, modelOf, outcomeOf, resolveSwitches, step } from '../engine';
import type { FileId, LuoState, NodeState, Result, StepResult } from '../engine';
import { findScenario } from '../scenarios';
import type { Scenario } from '../scenarios';
import { engineStep } from '../trace/replay';
import type { Choice, Expectation, TourStep } from './types';

/** What the engine shows after a run: the fields an `Expectation` may name. */
export interface Observed {
  /** The result of the last step, `null` when no step ran. */
  result: Result | null;
  orphans: number;
  detected: number;
  stuck: number;
  dataLoss: number;
  boot: number;
  states: Readonly<Record<string, NodeState>>;
}

/** What a state and the last step's result show. */
export function observe(state: LuoState, last: StepResult | null): Observed {
  const outcome = outcomeOf(state);
  const states: Record<string, NodeState> = {};
  for (const f of state.files) states[f.id] = fileView(state, f.id).state;
  return {
    result: last?.result ?? null,
    orphans: outcome.orphans.length,
    detected: outcome.orphans.filter((o) => o.detected).length,
    stuck: outcome.stuckSessions.length,
    dataLoss: outcome.dataLoss.length,
    boot: state.boot,
    states,
  };
}

const COUNTS = ['orphans', 'detected', 'stuck', 'dataLoss', 'boot'] as const;

/** Every part of `expect` the observation does not meet, one line each (empty: all met). */
export function unmet(observed: Observed, expect: Expectation): string[] {
  const out: string[] = [];
  if (expect.result !== undefined && expect.result !== observed.result) {
    out.push(`result: expected ${expect.result}, the engine gave ${observed.result ?? 'none'}`);
  }
  for (const name of COUNTS) {
    const want = expect[name];
    if (want !== undefined && want !== observed[name]) {
      out.push(`${name}: expected ${want}, the engine gave ${observed[name]}`);
    }
  }
  for (const [id, state] of Object.entries(expect.states ?? {})) {
    const got = observed.states[id];
    if (got !== state) out.push(`${id}: expected ${state}, the engine shows ${got ?? 'no file'}`);
  }
  return out;
}

/** The choices whose expectation the observation meets (a good question has exactly one). */
export function matchingChoices(observed: Observed, choices: readonly Choice[]): Choice[] {
  return choices.filter((c) => unmet(observed, c.expect).length === 0);
}

/** The scenario a step opens: a preset by id, or the step's own files. */
export function tourScenario(s: TourStep): Scenario {
  if (typeof s.scenario !== 'string') {
    return { id: s.scenario.id ?? `tour-${s.id}`, ...s.scenario };
  }
  const found = findScenario(s.scenario);
  if (!found) throw new Error(`tour step "${s.id}": no scenario "${s.scenario}"`);
  return found;
}

/** What replaying a step gives. */
export interface StepCheck {
  /** History steps whose result differs from their `expect`, one line each. */
  surprises: string[];
  /** The answer's steps, with what the engine returned. */
  answers: StepResult[];
  observed: Observed;
  /** Parts of the answer's expectation the engine does not meet. */
  unmet: string[];
  /** For a prediction: the choices the engine's outcome matches. */
  correct: Choice[];
}

/** Replays a step's history, then its answer, and judges both against the data. */
export function checkStep(s: TourStep): StepCheck {
  const scenario = tourScenario(s);
  const switches = resolveSwitches(s.variant, s.switches, s.kernel);
  let state = createState(scenario.files, switches, modelOf(s.kernel));
  const surprises: string[] = [];
  s.history.forEach((h, i) => {
    const out = step(state, engineStep(h));
    state = out.state;
    if (h.expect !== undefined && h.expect !== out.result.result) {
      surprises.push(`history[${i}] ${h.op}: expected ${h.expect}, got ${out.result.result}`);
    }
  });
  const answers: StepResult[] = [];
  for (const a of s.answer.steps) {
    const out = step(state, a);
    state = out.state;
    answers.push(out.result);
  }
  const observed = observe(state, answers[answers.length - 1] ?? null);
  const correct = s.task.kind === 'predict' ? matchingChoices(observed, s.task.choices) : [];
  return { surprises, answers, observed, unmet: unmet(observed, s.answer.expect), correct };
}

/** The files a step names in its history, answer and task, for the data test. */
export function namedFiles(s: TourStep): FileId[] {
  const ids = [...s.history, ...s.answer.steps].flatMap((h) =>
    h.op === 'preserve' || h.op === 'set' ? [h.file] : [],
  );
  if (s.task.kind === 'act') ids.push(s.task.target);
  return ids;
}
