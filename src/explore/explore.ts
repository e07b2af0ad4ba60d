/**
 * Exhaustive exploration: every run of a scenario (see runs.ts) under a set of switches,
 * counted exactly by class, with a shortest run per class as a witness.
 *
 * Runs are counted as paths through the states the engine reaches, memoised on a key that
 * forgets only what cannot change a run's future classes: the order in which files were
 * preserved (tokens are fixed, every lookup is by membership in the session, and finish order
 * changes callbacks, not classes). Every transition is computed by the engine itself; the
 * brute-force enumerator in naive.ts replays every run from scratch, and the tests check that
 * both agree exactly.
 */
import type { FileSpec, LuoState, Step, Switches } from '../engine';
import { createState, step } from '../engine';
import type { RunClass } from './runs';
import {
  rebootFailedBits,
  CLASSES,
  classBits,
  closeStep,
  createStep,
  finishStep,
  hasClass,
  kexecStep,
  preserveStep,
  retrieveSessionStep,
  retrieveStep,
} from './runs';

/** A shortest remaining run from a state, shared between states (a linked list). */
interface Suffix {
  step: Step;
  next: Suffix | null;
  len: number;
}

/** Runs from one state, by class bits: how many, and a shortest one. */
interface Tally {
  counts: Map<number, bigint>;
  best: Map<number, Suffix | null>;
}

/** What exploring one variant gives. */
export interface ExploreResult {
  runs: bigint;
  classes: Record<RunClass, bigint>;
  /** A shortest run per class that has at least one run (trace-format steps). */
  witnesses: Partial<Record<RunClass, Step[]>>;
  /** Distinct states visited (memo entries). */
  states: number;
  /** Distinct engine states stepped (the exact explorer only). */
  engineStates?: number;
  /** Runs by their exact set of classes (class bits -> count), for the chart. */
  byBits?: Record<number, bigint>;
}

export interface ExploreOptions {
  /** Called every few hundred states with the number visited so far. */
  onProgress?: (states: number) => void;
  /** Polled with the progress; returning true stops with an ExploreCancelled error. */
  shouldStop?: () => boolean;
}

export class ExploreCancelled extends Error {
  constructor() {
    super('exploration cancelled');
  }
}

/** Scenarios the explorer accepts: runs grow as 3^n states. */
export const EXPLORE_MAX_FILES = 16;

function prepend(steps: readonly Step[], suffix: Suffix | null): Suffix | null {
  let out = suffix;
  for (let i = steps.length - 1; i >= 0; i--) {
    out = { step: steps[i]!, next: out, len: (out?.len ?? 0) + 1 };
  }
  return out;
}

function addChild(into: Tally, prefix: readonly Step[], child: Tally) {
  for (const [bits, count] of child.counts) {
    into.counts.set(bits, (into.counts.get(bits) ?? 0n) + count);
    const candidate = child.best.get(bits) ?? null;
    const len = (candidate?.len ?? 0) + prefix.length;
    const current = into.best.get(bits);
    if (current === undefined || (current?.len ?? 0) > len) {
      into.best.set(bits, prepend(prefix, candidate));
    }
  }
}

function leaf(steps: readonly Step[], bits: number): Tally {
  return { counts: new Map([[bits, 1n]]), best: new Map([[bits, prepend(steps, null)]]) };
}

function emptyTally(): Tally {
  return { counts: new Map(), best: new Map() };
}

/** Explores every run of `files` under `switches`. */
export function explore(
  files: readonly FileSpec[],
  switches: Switches,
  options: ExploreOptions = {},
): ExploreResult {
  if (files.length > EXPLORE_MAX_FILES) {
    throw new RangeError(
      `the explorer takes at most ${EXPLORE_MAX_FILES} files (this scenario has ${files.length})`,
    );
  }
  const memo = new Map<string, Tally>();

  const visit = (key: string, compute: () => Tally): Tally => {
    const hit = memo.get(key);
    if (hit) return hit;
    const tally = compute();
    memo.set(key, tally);
    if (memo.size % 256 === 0) {
      options.onProgress?.(memo.size);
      if (options.shouldStop?.()) throw new ExploreCancelled();
    }
    return tally;
  };

  // Boot 1: RETRIEVE attempts, then FINISH or close.
  const afterReboot = (state: LuoState, attempted: number): Tally =>
    visit(`r${attempted}|${incomingKey(state)}`, () => {
      const tally = emptyTally();
      for (const entry of state.incoming.at(0)?.files ?? []) {
        const bit = 2 ** (entry.token - 1);
        if (attempted & bit) continue;
        const s = retrieveStep(entry.token);
        addChild(tally, [s], afterReboot(step(state, s).state, attempted | bit));
      }
      const fin = step(state, finishStep);
      if (fin.result.result === 'ok') {
        addChild(tally, [], leaf([finishStep], classBits(fin.state, fin.result.result)));
      } else {
        const closed = step(fin.state, closeStep).state;
        addChild(tally, [], leaf([finishStep, closeStep], classBits(closed, fin.result.result)));
      }
      const closed = step(state, closeStep).state;
      addChild(tally, [], leaf([closeStep], classBits(closed)));
      return tally;
    });

  // Boot 0: PRESERVE attempts, then kexec.
  const beforeReboot = (state: LuoState, attempted: number): Tally =>
    visit(`p${attempted}|${outgoingKey(state)}`, () => {
      const tally = emptyTally();
      files.forEach((_, i) => {
        const bit = 2 ** i;
        if (attempted & bit) return;
        const s = preserveStep(files, i);
        addChild(tally, [s], beforeReboot(step(state, s).state, attempted | bit));
      });
      const k = step(state, kexecStep);
      if (k.result.result !== 'ok') {
        addChild(tally, [], leaf([kexecStep], rebootFailedBits(k.state)));
      } else {
        const r = step(k.state, retrieveSessionStep);
        addChild(tally, [kexecStep, retrieveSessionStep], afterReboot(r.state, 0));
      }
      return tally;
    });

  const start = step(createState(files, switches), createStep).state;
  const root = emptyTally();
  addChild(root, [createStep], beforeReboot(start, 0));
  return summarise(root, memo.size);
}

/** The outgoing session's preserved set (order-free: see the module comment). */
function outgoingKey(state: LuoState): string {
  const files = state.outgoing.at(0)?.files ?? [];
  return files
    .map((f) => f.token)
    .sort((a, b) => a - b)
    .join(',');
}

/** The incoming session's entries by token, and whether data was already lost. */
function incomingKey(state: LuoState): string {
  const files = [...(state.incoming.at(0)?.files ?? [])].sort((a, b) => a.token - b.token);
  const entries = files.map((f) => `${f.token}:${f.retrieveStatus}:${f.userRetrieved ? 1 : 0}`);
  return `${entries.join(',')}|${state.dataLoss.length}`;
}

function summarise(root: Tally, states: number): ExploreResult {
  const classes = Object.fromEntries(CLASSES.map((c) => [c, 0n])) as Record<RunClass, bigint>;
  const witnesses: Partial<Record<RunClass, Step[]>> = {};
  const bestLen: Partial<Record<RunClass, number>> = {};
  let runs = 0n;
  const masks = [...root.counts.keys()].sort((a, b) => a - b);
  for (const bits of masks) {
    const count = root.counts.get(bits)!;
    runs += count;
    const suffix = root.best.get(bits) ?? null;
    for (const c of CLASSES) {
      if (!hasClass(bits, c)) continue;
      classes[c] += count;
      const len = suffix?.len ?? 0;
      if (bestLen[c] === undefined || len < bestLen[c]!) {
        bestLen[c] = len;
        witnesses[c] = toSteps(suffix);
      }
    }
  }
  return { runs, classes, witnesses, states };
}

function toSteps(suffix: Suffix | null): Step[] {
  const out: Step[] = [];
  for (let s = suffix; s; s = s.next) out.push(s.step);
  return out;
}
