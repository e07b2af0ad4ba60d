/**
 * The exact explorer by independent parts (docs/explore.md "Independent parts"). Files that no
 * chain of dependencies links form parts; each part is explored on its own (part.ts) and the
 * runs of the whole are counted from the parts' runs: interleaving runs of lengths a and a'
 * gives C(a + a', a) runs, before the kexec and after it (poly.ts). What still links the parts:
 * - the kexec fails when some part's freeze fails, which needs nothing more; but a failed
 *   freeze leaves reset every device frozen before it, in the order of the preserves, across
 *   parts: parts with a resetting freeze and other parts with a failing one are explored as one;
 * - FINISH and close are all or nothing over a session: the ending signatures (ending.ts);
 * - a step that hangs stops every part, and a per-session file limit counts every part's
 *   files: those explorations are left to the whole-scenario explorer (`Coupled`).
 */
import type { FileSpec, Model, Step, Switches } from '../engine';
import type { ExploreOptions, ExploreResult } from './explore';
import { Coupled, endingSteps, endingVectors, joinSigs, sigEndings } from './ending';
import type { PartRun, PartSummary } from './part';
import { explorePart } from './part';
import { failedRuns } from './kexec';
import { failedAlike } from './kexecAlike';
import type { Grid } from './poly';
import { interleaveGrids, interleavedTotal, transform } from './poly';
import type { RunShape } from './shape';
import { shapeSteps } from './shape';
import type { FileClasses } from './symmetry';
import { fileClasses } from './symmetry';
import type { Move, Tally } from './tally';
import { classTotals, emptyTally, prepend } from './tally';

/** The files of each part: connected by dependencies, in either direction. */
export function dependencyParts(files: readonly FileSpec[]): number[][] {
  const index = new Map(files.map((f, i) => [f.id as string, i]));
  const up = files.map((_, i) => i);
  const find = (i: number): number => (up[i] === i ? i : (up[i] = find(up[i]!)));
  files.forEach((f, i) =>
    f.deps.forEach((d) => {
      const j = index.get(d);
      if (j !== undefined) up[find(i)] = find(j);
    }),
  );
  const parts = new Map<number, number[]>();
  files.forEach((_, i) => {
    const r = find(i);
    const list = parts.get(r);
    if (list) list.push(i);
    else parts.set(r, [i]);
  });
  return [...parts.values()];
}

interface Acc<T> {
  value: T;
  len: number;
  runs: PartRun[];
}

/** Explores `files` part by part; throws `Coupled` where that would not be exact. */
export function exploreByParts(
  files: readonly FileSpec[],
  switches: Switches,
  model: Model,
  shape: RunShape,
  maxStates: number,
  options: ExploreOptions,
  /** All files as one part (for the order of the preserves, with one session). */
  whole = false,
): {
  result: Omit<ExploreResult, 'witnesses'>;
  shortest: ReturnType<typeof classTotals>['shortest'];
  classes: FileClasses;
} {
  const parts = whole ? [files.map((_, i) => i)] : dependencyParts(files);
  if (parts.length < 2 && !whole) throw new Coupled('one part');
  if (whole && shape.sessions !== 1) throw new Coupled('several sessions');
  const limit = switches.fileLimit;
  if (limit !== 'unlimited' && files.length + 1 > limit) throw new Coupled('a file limit');
  const classes = splitClasses(fileClasses(files), parts);
  const budget = { left: maxStates, max: maxStates };
  const run = (part: number[], guess: { R: boolean; F: boolean } | null = null) =>
    explorePart(files, classes, part, switches, model, shape, budget, options, guess);
  let sums = parts.map((p) => run(p, whole ? { R: true, F: true } : null));
  const resetting = sums.flatMap((s, i) => (s.resets ? [i] : []));
  const failing = sums.flatMap((s, i) => (s.fails ? [i] : []));
  // With one session and both kinds of freeze, which comes first decides deviceReset: the
  // parts that have either are explored again, guessing their first such preserve (kexec.ts).
  const guess = whole || (shape.sessions === 1 && resetting.length > 0 && failing.length > 0);
  if (guess && !whole) {
    sums = sums.map((s, i) =>
      s.resets || s.fails ? run(parts[i]!, { R: s.resets, F: s.fails }) : s,
    );
  } else if (resetting.some((r) => failing.some((f) => f !== r))) {
    // Several sessions: the freeze order runs over sessions too; such parts are explored as one.
    const linked = new Set([...resetting, ...failing]);
    if (linked.size === parts.length) throw new Coupled('every part meets at the kexec');
    const merged = parts.filter((_, i) => linked.has(i)).flat();
    sums = [run(merged), ...sums.filter((_, i) => !linked.has(i))];
  }
  const { creates, retrieveSessions } = shapeSteps(shape);
  const step = (s: Step): Move => ({ kind: 'step', step: s });
  const top: Tally = emptyTally();
  const count = (bits: number, n: bigint, moves: () => Move[]) => {
    if (n === 0n) return;
    top.counts.set(bits, (top.counts.get(bits) ?? 0n) + n);
    const have = top.best.get(bits);
    const m = moves();
    if (have === undefined || (have?.len ?? 0) > m.length) top.best.set(bits, prepend(m, null));
  };
  const failed = (moves: Move[]) => [...creates.map(step), ...moves, step({ op: 'kexec' })];
  if (guess) {
    for (const r of failedRuns(sums.map((s) => s.kexec)))
      count(r.bits, r.count, () => failed(r.moves));
  } else {
    for (const r of failedAlike(sums.map((s) => s.kexec)))
      count(r.bits, r.count, () => failed(r.moves));
  }

  // Runs through the kexec: every part's signature, joined; the largest part joins last.
  const order = [...sums].sort((a, b) => weight(a) - weight(b));
  const joined = new Map<string, string>();
  const join = (a: string, b: string) => {
    const k = `${a}|${b}`;
    let s = joined.get(k);
    if (s === undefined) joined.set(k, (s = joinSigs(a, b)));
    return s;
  };
  let acc = new Map<string, Acc<Grid>>([['', { value: [[1n]], len: 0, runs: [] }]]);
  for (const s of order.slice(0, -1)) {
    const next = new Map<string, Acc<Grid>>();
    for (const [s1, a] of acc) {
      for (const [s2, o] of s.ok) {
        const sig = s1 === '' ? s2 : join(s1, s2);
        const value = interleaveGrids(a.value, o.grid);
        const len = a.len + o.len;
        const hit = next.get(sig);
        if (!hit) next.set(sig, { value, len, runs: [...a.runs, o.best] });
        else {
          addInto(hit.value, value);
          if (len < hit.len) Object.assign(hit, { len, runs: [...a.runs, o.best] });
        }
      }
    }
    acc = next;
  }
  const last = order[order.length - 1]!;
  const lastT = new Map([...last.ok].map(([sig, o]) => [sig, transform(o.grid)]));
  const endings = endingVectors(shape);
  for (const [s1, a] of acc) {
    const t1 = transform(a.value);
    for (const [s2, o] of last.ok) {
      const sig = s1 === '' ? s2 : join(s1, s2);
      const n = interleavedTotal(t1, lastT.get(s2)!);
      const runs = [...a.runs, o.best];
      sigEndings(sig).forEach(({ bits, refused }, e) =>
        count(bits, n, () => [
          ...creates.map(step),
          ...runs.flatMap((r) => r.boot0),
          step({ op: 'kexec' }),
          ...retrieveSessions.map(step),
          ...runs.flatMap((r) => r.boot1),
          ...endingSteps(shape, endings[e]!, refused).map(step),
        ]),
      );
    }
  }
  const { runs, classes: counts, byBits, shortest } = classTotals(top);
  const states = sums.reduce((n, s) => n + s.states, 0);
  const engineStates = sums.reduce((n, s) => n + s.engineStates, 0);
  return { result: { runs, classes: counts, states, engineStates, byBits }, shortest, classes };
}

/**
 * Classes that never span two parts (identical files of two parts are interchangeable in the
 * scenario, but a part moves its own only): a finer partition is still one of files that
 * swapping maps to the scenario itself.
 */
function splitClasses(classes: FileClasses, parts: readonly number[][]): FileClasses {
  const partOf: number[] = [];
  parts.forEach((p, k) => p.forEach((i) => (partOf[i] = k)));
  const ids = new Map<string, number>();
  const members: number[][] = [];
  const classOf = classes.classOf.map((c, i) => {
    const key = `${c}/${partOf[i]}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = members.length));
      members.push([]);
    }
    members[id]!.push(i);
    return id;
  });
  return { classOf, members };
}

function weight(s: PartSummary): number {
  let n = 0;
  for (const o of s.ok.values()) for (const row of o.grid) n += row.length;
  return n;
}

function addInto(into: Grid, from: Grid) {
  from.forEach((row, a) => {
    const r = (into[a] ??= []);
    row.forEach((n, b) => (r[b] = (r[b] ?? 0n) + n));
  });
}
