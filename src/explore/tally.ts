/**
 * Runs from one state, by class bits: how many (exact BigInts) and a shortest one, kept as a
 * shared linked list of moves so that a state's tally costs no copy of its runs.
 */
import type { Step } from '../engine';
import type { RunClass } from './runs';
import { CLASSES, hasClass } from './runs';

/** A move of a run: a step that names no file, or "one file of this class in this state". */
export type Move =
  | { kind: 'step'; step: Step }
  | { kind: 'file'; cls: number; sig: string; mask: number; move: number };

/** A shortest remaining run from a state, shared between states. */
export interface Suffix {
  move: Move;
  next: Suffix | null;
  len: number;
}

export interface Tally {
  counts: Map<number, bigint>;
  best: Map<number, Suffix | null>;
}

export function emptyTally(): Tally {
  return { counts: new Map(), best: new Map() };
}

export function prepend(moves: readonly Move[], suffix: Suffix | null): Suffix | null {
  let out = suffix;
  for (let i = moves.length - 1; i >= 0; i--) {
    out = { move: moves[i]!, next: out, len: (out?.len ?? 0) + 1 };
  }
  return out;
}

/** Adds `times` copies of `child`'s runs, each after `prefix`, to `into`. */
export function addChild(into: Tally, prefix: readonly Move[], child: Tally, times = 1n) {
  for (const [bits, count] of child.counts) {
    into.counts.set(bits, (into.counts.get(bits) ?? 0n) + count * times);
    const candidate = child.best.get(bits) ?? null;
    const len = (candidate?.len ?? 0) + prefix.length;
    const current = into.best.get(bits);
    if (current === undefined || (current?.len ?? 0) > len) {
      into.best.set(bits, prefix.length ? prepend(prefix, candidate) : candidate);
    }
  }
}

export function leafTally(moves: readonly Move[], bits: number): Tally {
  return { counts: new Map([[bits, 1n]]), best: new Map([[bits, prepend(moves, null)]]) };
}

/** Totals per class and, per class, the suffix of a shortest run in it. */
export function classTotals(root: Tally) {
  const classes = Object.fromEntries(CLASSES.map((c) => [c, 0n])) as Record<RunClass, bigint>;
  const shortest: Partial<Record<RunClass, Suffix | null>> = {};
  const byBits: Record<number, bigint> = {};
  let runs = 0n;
  for (const bits of [...root.counts.keys()].sort((a, b) => a - b)) {
    const count = root.counts.get(bits)!;
    runs += count;
    byBits[bits] = count;
    const suffix = root.best.get(bits) ?? null;
    for (const c of CLASSES) {
      if (!hasClass(bits, c)) continue;
      classes[c] += count;
      const len = suffix?.len ?? 0;
      const have = shortest[c];
      if (have === undefined || len < (have?.len ?? 0)) shortest[c] = suffix;
    }
  }
  return { runs, classes, shortest, byBits };
}

export function movesOf(suffix: Suffix | null): Move[] {
  const out: Move[] = [];
  for (let s = suffix; s; s = s.next) out.push(s.move);
  return out;
}
