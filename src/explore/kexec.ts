/**
 * How the parts of a scenario meet at a failing kexec (docs/explore.md "Independent parts").
 * The kexec freezes the session's files in the order they were preserved, across parts; the
 * first `.freeze()` that fails rolls the reboot back, and every device whose `.freeze()` reset
 * it before that stays reset (C2): `deviceReset`. With one session, that is decided by which
 * part's *first tagged preserve* (of a file that will reset, `R`, or fail, `F`) comes first in
 * the whole run: part.ts guesses that preserve when it is made (marks in the moves' masks) and
 * checks the guess at the kexec with the engine's freeze of each file, so every run of a part
 * is counted once, by its length a and the position t of that preserve.
 *
 * Runs of the whole whose kexec fails: one part's tagged preserve E comes first; before it, each
 * other part made at most the moves before its own tagged preserve. Counting the moves before E
 * and after it separately, interleavings multiply as binomials in each (poly.ts).
 */
import type { Grid, Line } from './poly';
import { addAt, interleaveGrids, interleavedTotal, transform } from './poly';
import { Coupled } from './ending';
import { BIT } from './runs';
import type { Move, Suffix } from './tally';

/** Mask bits of the guess: preserved before the first tagged preserve, or that preserve. */
export const MARK_U = 1 << 12;
export const MARK_D = 1 << 13;
/** The mask bits that are moves left (the rest are marks). */
export const MOVES = MARK_U - 1;
/** The classes a failed kexec may bring. */
export const FAIL_BITS = BIT.rebootFailed | BIT.deviceReset;

/** Runs of one kind: grid[t][a], and a shortest one. */
export interface Kind {
  grid: Grid;
  best: Move[] | null;
}

/** A part's boot-0 runs by what they bring to the kexec. */
export interface KexecRuns {
  /** No tagged preserve (grid[0][a]); the kexec succeeds. */
  none: Kind;
  /** First tagged preserve resets, and the kexec succeeds or fails; first one fails. */
  resetOk: Kind;
  resetFail: Kind;
  failing: Kind;
  /** Without the guess (several sessions): failed runs by their class bits (grid[0][a]). */
  failed: Map<number, Kind>;
}

const kind = (): Kind => ({ grid: [], best: null });

export function emptyKexec(): KexecRuns {
  return { none: kind(), resetOk: kind(), resetFail: kind(), failing: kind(), failed: new Map() };
}

function moves(path: Suffix | null): Move[] {
  const out: Move[] = [];
  for (let p = path; p; p = p.next) out.push(p.move);
  return out.reverse();
}

function add(k: Kind, a: number, counts: Line, path: Suffix | null, flat: boolean) {
  k.best ??= moves(path);
  counts.forEach((c, t) => {
    if (!c) return;
    const row = flat ? 0 : t;
    while (k.grid.length <= row) k.grid.push([]);
    addAt(k.grid[row]!, a, c);
  });
}

/** Records boot-0 runs of length `a` (phase: see part.ts; -1 for a failure without guess). */
export function recordKexec(
  k: KexecRuns,
  phase: number,
  failed: boolean,
  a: number,
  counts: Line,
  path: Suffix | null,
  bits: number,
) {
  if (phase === -1) {
    let f = k.failed.get(bits);
    if (!f) k.failed.set(bits, (f = kind()));
    return add(f, a, counts, path, true);
  }
  if (phase === 0) {
    if (failed) throw new Coupled('a kexec failed with no failing freeze');
    return add(k.none, a, counts, path, true);
  }
  if (phase === 2 && !failed) throw new Coupled('a failing freeze did not fail the kexec');
  add(phase === 2 ? k.failing : failed ? k.resetFail : k.resetOk, a, counts, path, false);
}

/** The runs whose kexec fails: class bits, count, and a shortest one's boot-0 moves. */
export interface FailedRuns {
  bits: number;
  count: bigint;
  moves: Move[];
}

interface State {
  grid: Grid;
  len: number;
  runs: Move[][];
}

/** Splits of a part's runs around E: before it (w) and after it, as grid[w][rest]. */
function around(k: Kind, free: boolean): Grid {
  const out: Grid = [];
  k.grid.forEach((row, t) =>
    row.forEach((c, a) => {
      if (!c) return;
      for (let w = 0; w <= (free ? a : t); w++) addAt((out[w] ??= []), a - w, c);
    }),
  );
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

/** A part's runs whose tagged preserve is E: grid[t][a - t - 1]. */
function at(k: Kind): Grid {
  const out: Grid = [];
  k.grid.forEach((row, t) => row.forEach((c, a) => c && addAt((out[t] ??= []), a - t - 1, c)));
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

/** Failed runs of the whole, with one session (the guess). */
export function failedRuns(parts: readonly KexecRuns[]): FailedRuns[] {
  // State: which kind E was (n: not placed yet), and whether some part's kexec fails.
  let states = new Map<string, State>([['n0', { grid: [[1n]], len: 0, runs: [] }]]);
  const order = [...parts].sort((x, y) => size(x) - size(y));
  const out = new Map<string, { count: bigint; len: number; runs: Move[][] }>();
  order.forEach((k, idx) => {
    const last = idx === order.length - 1;
    const okG = {
      grid: sum(around(k.none, true), around(k.resetOk, false)),
      best: shortest(k.none, k.resetOk),
    };
    const failG = {
      grid: sum(around(k.resetFail, false), around(k.failing, false)),
      best: shortest(k.resetFail, k.failing),
    };
    const moves: [string, string, Grid, Move[] | null, boolean][] = [];
    for (const key of states.keys()) {
      const e = key[0]!;
      const f = key[1] === '1';
      moves.push([key, `${e}${f ? 1 : 0}`, okG.grid, okG.best, false]);
      moves.push([key, `${e}1`, failG.grid, failG.best, false]);
      if (e === 'n') {
        moves.push([key, `R${f ? 1 : 0}`, at(k.resetOk), k.resetOk.best, true]);
        moves.push([key, 'R1', at(k.resetFail), k.resetFail.best, true]);
        moves.push([key, 'F1', at(k.failing), k.failing.best, true]);
      }
    }
    if (last) {
      const ts = new Map<Grid, bigint[][]>();
      const t = (g: Grid) => ts.get(g) ?? (ts.set(g, transform(g)), ts.get(g)!);
      for (const [from, to, g, best, first] of moves) {
        if (!best || (to !== 'R1' && to !== 'F1')) continue;
        const s = states.get(from)!;
        const count = interleavedTotal(t(s.grid), t(g));
        if (count === 0n) continue;
        const runs = first ? [best, ...s.runs] : [...s.runs, best];
        const len = s.len + best.length;
        const o = out.get(to);
        if (!o) out.set(to, { count, len, runs });
        else {
          o.count += count;
          if (len < o.len) Object.assign(o, { len, runs });
        }
      }
      return;
    }
    const next = new Map<string, State>();
    for (const [from, to, g, best, first] of moves) {
      if (!best) continue;
      const s = states.get(from)!;
      const grid = interleaveGrids(s.grid, g);
      const runs = first ? [best, ...s.runs] : [...s.runs, best];
      const len = s.len + best.length;
      const o = next.get(to);
      if (!o) next.set(to, { grid, len, runs });
      else {
        addInto(o.grid, grid);
        if (len < o.len) Object.assign(o, { len, runs });
      }
    }
    states = next;
  });
  const bits = { R1: BIT.rebootFailed | BIT.deviceReset, F1: BIT.rebootFailed };
  return [...out].map(([key, o]) => ({
    bits: bits[key as 'R1' | 'F1'],
    count: o.count,
    moves: o.runs.flat(),
  }));
}

function size(k: KexecRuns): number {
  return [k.none, k.resetOk, k.resetFail, k.failing].reduce(
    (n, x) => n + x.grid.reduce((m, row) => m + row.length, 0),
    0,
  );
}

function sum(x: Grid, y: Grid): Grid {
  const out: Grid = x.map((row) => [...row]);
  addInto(out, y);
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

function addInto(into: Grid, from: Grid) {
  from.forEach((row, a) => {
    const r = (into[a] ??= []);
    row.forEach((n, b) => n && addAt(r, b, n));
  });
}

function shortest(x: Kind, y: Kind): Move[] | null {
  if (!x.best) return y.best;
  if (!y.best) return x.best;
  return x.best.length <= y.best.length ? x.best : y.best;
}
