/**
 * The compare view's data: the same history replayed under several variants, and its log
 * aligned step by step. The actions are the same in every column (one history), so row i is
 * action i everywhere; only the results differ.
 */
import { fileView, modelOf, outcomeOf, resolveSwitches } from '../engine';
import type { FileSpec, FileView, Outcome, Result, Step, StepResult } from '../engine';
import type { CompareKey } from './compareKey';
import { compareLabel, parseCompareKey } from './compareKey';
import { extend, replayAll, truncate } from './replay';
import type { LogEntry, Replay } from './replay';
import type { ReplayProgress } from './replayJob';
import { SYNC_STEPS, replayInSlices } from './replayJob';
import type { AppData } from './types';

/** One action and what each variant answered. */
export interface CompareRow {
  index: number;
  step: Step;
  results: Partial<Record<CompareKey, StepResult>>;
  /** The errno names (or ok) are not all the same. */
  differs: boolean;
}

export interface Alignment {
  rows: CompareRow[];
  /** Index of the first row that differs, or null when every row agrees. */
  firstDifference: number | null;
}

/** Lines up the first `position` entries of each variant's log, row by row. */
export function alignLogs(
  logs: Partial<Record<CompareKey, readonly LogEntry[]>>,
  position: number,
): Alignment {
  const variants = Object.keys(logs) as CompareKey[];
  const rows: CompareRow[] = [];
  let firstDifference: number | null = null;
  for (let i = 0; i < position; i++) {
    const results: Partial<Record<CompareKey, StepResult>> = {};
    let step: Step | undefined;
    const seen = new Set<Result | undefined>();
    for (const v of variants) {
      const entry = logs[v]![i];
      step ??= entry?.step;
      if (entry) results[v] = entry.result;
      seen.add(entry?.result.result);
    }
    if (!step) break;
    const differs = seen.size > 1;
    if (differs && firstDifference === null) firstDifference = i;
    rows.push({ index: i, step, results, differs });
  }
  return { rows, firstDifference };
}

/** Replays per variant, reused across renders: a new action extends, it does not replay all. */
export interface CompareCache {
  files: readonly FileSpec[];
  replays: Partial<Record<CompareKey, Replay>>;
}

/** How many leading actions `replay` already ran (steps compared by identity). */
function sharedPrefix(replay: Replay, actions: readonly Step[]): number {
  const n = Math.min(replay.log.length, actions.length);
  let k = 0;
  while (k < n && replay.log[k]!.step === actions[k]) k++;
  return k;
}

/**
 * The replays of `actions` under each column's tree and variant, with their preset switches
 * (the main view's switch overrides are not applied: a column is the variant as proposed).
 */
export function compareReplays(
  prev: CompareCache | null,
  files: readonly FileSpec[],
  actions: readonly Step[],
  variants: readonly CompareKey[],
): CompareCache {
  const replays: Partial<Record<CompareKey, Replay>> = {};
  for (const v of variants) {
    const old = reusable(prev, files, v);
    replays[v] = old ? extended(old, actions) : replayAll(...columnInput(files, v, actions));
  }
  // Nothing new: the same cache, so that what is made from it is not made again.
  const same =
    prev?.files === files &&
    Object.keys(prev.replays).length === variants.length &&
    variants.every((v) => replays[v] === prev.replays[v]);
  return same ? prev : { files, replays };
}

function reusable(prev: CompareCache | null, files: readonly FileSpec[], v: CompareKey) {
  return prev?.files === files ? prev.replays[v] : undefined;
}

/** An earlier replay of a column made to replay `actions`: cut where they part, then extended. */
function extended(old: Replay, actions: readonly Step[]): Replay {
  const k = sharedPrefix(old, actions);
  return k === old.log.length && k === actions.length
    ? old
    : extend(truncate(old, k), actions.slice(k));
}

function columnInput(files: readonly FileSpec[], v: CompareKey, actions: readonly Step[]) {
  const { tree, variant } = parseCompareKey(v);
  return [files, resolveSwitches(variant, {}, tree), actions, modelOf(tree)] as const;
}

/** How many steps `compareReplays` would run from `prev` (past SYNC_STEPS: in slices). */
export function compareWork(
  prev: CompareCache | null,
  files: readonly FileSpec[],
  actions: readonly Step[],
  variants: readonly CompareKey[],
): number {
  let n = 0;
  for (const v of variants) {
    const old = reusable(prev, files, v);
    n += actions.length - (old ? sharedPrefix(old, actions) : 0);
  }
  return n;
}

/**
 * `compareReplays` for a long history: each column that needs more than SYNC_STEPS steps is
 * replayed in slices (replayJob.ts), one column after the other; `onSlice` hears how far the
 * current one got and may return false to stop (the result is then null).
 */
export async function compareInSlices(
  prev: CompareCache | null,
  files: readonly FileSpec[],
  actions: readonly Step[],
  variants: readonly CompareKey[],
  onSlice: (progress: ReplayProgress) => boolean,
): Promise<CompareCache | null> {
  const replays: Partial<Record<CompareKey, Replay>> = {};
  for (const v of variants) {
    const old = reusable(prev, files, v);
    if (old && actions.length - sharedPrefix(old, actions) <= SYNC_STEPS) {
      replays[v] = extended(old, actions);
      continue;
    }
    const [, switches, , model] = columnInput(files, v, actions);
    const what = `${actions.length.toLocaleString('en-US')} steps under ${compareLabel(v)} for the comparison`;
    const total = actions.length;
    const replay = await replayInSlices({ files, switches, actions, model }, (done) =>
      onSlice({ what, done, total }),
    );
    if (!replay) return null;
    replays[v] = replay;
  }
  return { files, replays };
}

/** One column: a variant's file views and outcome at the history position. */
export interface CompareColumn {
  variant: CompareKey;
  views: Readonly<Record<string, FileView>>;
  outcome: Outcome;
  rebootFailed: boolean;
}

export function columnAt(
  variant: CompareKey,
  replay: Replay,
  files: readonly FileSpec[],
  position: number,
): CompareColumn {
  const at = Math.min(position, replay.log.length);
  const state = replay.states[at]!;
  const views: Record<string, FileView> = {};
  for (const f of files) views[f.id] = fileView(state, f.id);
  let rebootFailed = false;
  for (let i = at - 1; i >= 0; i--) {
    const e = replay.log[i]!;
    if (e.step.op !== 'kexec') continue;
    rebootFailed = e.result.result !== 'ok';
    break;
  }
  return { variant, views, outcome: outcomeOf(state), rebootFailed };
}

export const selectCompareVariants = (s: AppData) => s.compareVariants;
export const selectCompareActions = (s: AppData) => s.actions;
export const selectComparePosition = (s: AppData) => s.position;
