/**
 * The history replayed: every state and result, cached, so the UI never replays on render.
 * Appending a step steps once from the last state; a new variant or switch replays all.
 */
import { DEFAULT_MODEL, createState, fileView, outcomeOf, step } from '../engine';
import type {
  FileSpec,
  FileView,
  LuoState,
  Model,
  Outcome,
  Step,
  StepResult,
  Switches,
} from '../engine';
import { propsNotes } from './notes';
import { incomingSessions, openSessions } from './sessions';
import type { IncomingInfo, OpenSession } from './sessions';

/** One action of the history with what the engine answered. */
export interface LogEntry {
  index: number;
  step: Step;
  result: StepResult;
}

/** `states[i]` is the state before action i; `states[actions.length]` the state after all. */
export interface Replay {
  states: readonly LuoState[];
  log: readonly LogEntry[];
}

/** What the UI reads at the history position. Each field keeps its identity while unchanged. */
export interface Current {
  state: LuoState;
  views: Readonly<Record<string, FileView>>;
  /** Per file, the properties worth a note on its node (see notes.ts). */
  notes: Readonly<Record<string, string>>;
  outcome: Outcome;
  sessions: readonly OpenSession[];
  incoming: readonly IncomingInfo[];
  log: readonly LogEntry[];
  /** The last kexec, when it failed and no kexec has succeeded since. */
  rebootFailure: LogEntry | null;
}

/** The history replayed from boot 0 under `model` (a kernel tree; the June 2026 one if none). */
export function replayAll(
  files: readonly FileSpec[],
  switches: Switches,
  actions: readonly Step[],
  model: Model = DEFAULT_MODEL,
): Replay {
  return extend({ states: [createState(files, switches, model)], log: [] }, actions);
}

/** Runs more steps after the last state. */
export function extend(replay: Replay, steps: readonly Step[]): Replay {
  const states = [...replay.states];
  const log = [...replay.log];
  for (const s of steps) stepInto(states, log, s);
  return { states, log };
}

/** Runs one step after the last of `states`, appending its state and its log entry. */
export function stepInto(states: LuoState[], log: LogEntry[], s: Step): void {
  const out = step(states[states.length - 1]!, s);
  log.push({ index: log.length, step: s, result: out.result });
  states.push(out.state);
}

/** Keeps the first `position` actions (the rest are dropped when a new action is taken). */
export function truncate(replay: Replay, position: number): Replay {
  if (position >= replay.log.length) return replay;
  return { states: replay.states.slice(0, position + 1), log: replay.log.slice(0, position) };
}

function sameView(a: FileView | undefined, b: FileView): boolean {
  return (
    a !== undefined &&
    a.state === b.state &&
    a.session === b.session &&
    a.token === b.token &&
    a.orphan === b.orphan &&
    a.stuck === b.stuck &&
    a.detail === b.detail
  );
}

function sameJson<T>(prev: T | undefined, next: T): T {
  return prev !== undefined && JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}

/** The UI's view of the history at `position`, sharing unchanged parts with `prev`. */
export function currentAt(replay: Replay, position: number, prev?: Current): Current {
  const state = replay.states[position]!;
  let changed = prev === undefined;
  const views: Record<string, FileView> = {};
  for (const f of state.files) {
    const next = fileView(state, f.id);
    const old = prev?.views[f.id];
    if (sameView(old, next)) views[f.id] = old!;
    else {
      views[f.id] = next;
      changed = true;
    }
  }
  const log = replay.log.slice(0, position);
  let rebootFailure: LogEntry | null = null;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.step.op !== 'kexec') continue;
    if (e.result.result !== 'ok') rebootFailure = e;
    break;
  }
  // Properties change only with `set` steps and kexec: reuse the notes while props are the same.
  const notes =
    prev &&
    prev.state.props === state.props &&
    prev.state.boot === state.boot &&
    prev.state.model === state.model
      ? prev.notes
      : propsNotes(state);
  return {
    state,
    views: changed || !prev ? views : prev.views,
    notes,
    outcome: sameJson(prev?.outcome, outcomeOf(state)),
    sessions: sameJson(prev?.sessions, openSessions(state)),
    incoming: sameJson(prev?.incoming, incomingSessions(state)),
    log,
    rebootFailure,
  };
}
