/**
 * Replaying a long history without freezing the page: past SYNC_STEPS actions, the replay runs
 * in slices of about SLICE_MS, yielding to the browser between them, and the store shows its
 * progress (`replaying`). The work on screen stays as it was until the replay is done; a job
 * whose history changed meanwhile (the user acted, or opened something else) is dropped with a
 * notice, so nothing the user did is lost. Short histories replay at once, as they always did.
 */
import { createState } from '../engine';
import type { FileSpec, Model, Step, Switches } from '../engine';
import type { LogEntry, Replay } from './replay';
import { replayAll, stepInto } from './replay';
import type { AppData, AppState } from './types';

/** Histories up to this many actions replay in one go (well under a frame's worth of work). */
export const SYNC_STEPS = 2_000;
/** About how long one slice of a long replay runs before the page gets the thread back. */
export const SLICE_MS = 40;

/** A long replay in progress, for the status line. */
export interface ReplayProgress {
  /** What is being replayed, for a person ("the file "big.json"", "variant C"). */
  what: string;
  done: number;
  total: number;
}

/** What a history is replayed from. */
export interface ReplayInput {
  files: readonly FileSpec[];
  switches: Switches;
  actions: readonly Step[];
  model: Model;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The history replayed in slices; `onSlice` hears how far it got after each, and may return
 * false to stop (the result is then null).
 */
export async function replayInSlices(
  input: ReplayInput,
  onSlice: (done: number) => boolean,
  sliceMs = SLICE_MS,
): Promise<Replay | null> {
  const states = [createState(input.files, input.switches, input.model)];
  const log: LogEntry[] = [];
  let i = 0;
  while (i < input.actions.length) {
    // Every slice in a task of its own: the first one too, not in the caller's (which parsed
    // the document, say).
    await nextTask();
    const until = performance.now() + sliceMs;
    do {
      stepInto(states, log, input.actions[i]!);
      i++;
    } while (i < input.actions.length && performance.now() < until);
    if (!onSlice(i)) return null;
  }
  return { states, log };
}

type Set = (patch: Partial<AppData>) => void;
type Get = () => AppState;

/** The newest job of each store (by its `get`): an older one stops at its next slice. */
const jobs = new WeakMap<Get, number>();

/**
 * Replays `input`, then sets what `apply` makes of the replay (read against the store as it is
 * then). Synchronous for short histories; otherwise in slices, showing progress. Returns when
 * the data is set (or the job was dropped).
 */
export async function replayThen(
  set: Set,
  get: Get,
  what: string,
  input: ReplayInput,
  apply: (replay: Replay) => Partial<AppData>,
): Promise<void> {
  if (input.actions.length <= SYNC_STEPS) {
    set({ ...apply(replayAll(input.files, input.switches, input.actions, input.model)) });
    return;
  }
  const job = (jobs.get(get) ?? 0) + 1;
  jobs.set(get, job);
  const start = get().replay;
  const total = input.actions.length;
  set({ replaying: { what, done: 0, total } });
  const newest = () => jobs.get(get) === job;
  const live = () => newest() && get().replay === start;
  const replay = await replayInSlices(input, (done) => {
    if (!live()) return false;
    set({ replaying: { what, done, total } });
    return true;
  });
  if (replay && live()) {
    set({ ...apply(replay), replaying: null });
  } else if (newest()) {
    set({
      replaying: null,
      notice: `Replaying ${what} stopped: the work changed while it ran. The work on screen is as you left it.`,
    });
  }
}
