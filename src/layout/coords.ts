/**
 * Sugiyama step 3: x coordinates for an ordered layering. Each layer starts evenly spaced and
 * centred; then down and up passes pull every vertex toward the mean x of its neighbours in the
 * layer just passed, as close as the layer's order and spacing allow (a least-squares fit, so
 * a pass never creates an overlap and is deterministic). No row leaves the band `bound` wide
 * centred on 0. A wrapped layer (wrap.ts) keeps its grid; its virtual points take the lane
 * nearest their neighbours.
 */
import type { Vertex } from './layering';
import { mean } from './order';
import type { Block } from './wrap';
import { nearestLane } from './wrap';

const PASSES = 4;
/** A virtual point weighs more than a file, so long edges stay straight and files step aside. */
const VIRTUAL_WEIGHT = 4;

/**
 * Sets `x` on every vertex: files `nodeWidth` wide, virtual points 0, at least `gap` apart,
 * every row inside [-bound / 2, bound / 2] (a row not wrapped is at most `bound` wide).
 */
export function placeX(
  layers: readonly Vertex[][],
  nodeWidth: number,
  gap: number,
  blocks: readonly (Block | undefined)[] = [],
  bound = Infinity,
): void {
  const width = (v: Vertex) => (v.real ? nodeWidth : 0);
  const seps = layers.map((row) =>
    row.slice(1).map((v, i) => (width(row[i]!) + width(v)) / 2 + gap),
  );
  // The band, as bounds on x[i] - offset[i] (the same for every i of a row).
  const box = layers.map((row, k): [number, number] => {
    if (row.length === 0) return [0, 0];
    const span = offsets(seps[k]!).at(-1)!;
    return [-bound / 2 + width(row[0]!) / 2, bound / 2 - width(row.at(-1)!) / 2 - span];
  });
  layers.forEach((row, k) => {
    const block = blocks[k];
    if (block) {
      for (const v of row) if (!v.real) v.x = nearestLane(block, 0);
      return;
    }
    const xs = offsets(seps[k]!);
    const mid = xs[xs.length - 1]! / 2;
    row.forEach((v, i) => (v.x = xs[i]! - mid));
  });
  const step = (k: number, side: 'up' | 'down') => {
    const block = blocks[k];
    const row = layers[k]!;
    if (!block) return pull(row, seps[k]!, side, box[k]!);
    for (const v of row) {
      if (!v.real) v.x = nearestLane(block, mean(v[side].map((u) => u.x)) ?? v.x);
    }
  };
  for (let pass = 0; pass < PASSES; pass++) {
    for (let k = 1; k < layers.length; k++) step(k, 'up');
    for (let k = layers.length - 2; k >= 0; k--) step(k, 'down');
  }
}

function pull(
  row: Vertex[],
  seps: readonly number[],
  side: 'up' | 'down',
  [lo, hi]: readonly [number, number],
): void {
  const target = row.map((v) => mean(v[side].map((u) => u.x)) ?? v.x);
  const weight = row.map((v) => (v.real ? 1 : VIRTUAL_WEIGHT));
  closest(target, weight, seps, lo, hi).forEach((x, i) => (row[i]!.x = x));
}

/** 0, then the running sums of `seps`. */
function offsets(seps: readonly number[]): number[] {
  const out = [0];
  for (const s of seps) out.push(out[out.length - 1]! + s);
  return out;
}

/**
 * The positions nearest `target` (weighted least squares) with x[i + 1] - x[i] >= seps[i]:
 * subtracting the running offsets turns that into a non-decreasing fit, which pooling adjacent
 * violators solves exactly. Keeping the row in a band bounds every shifted value by the same
 * [lo, hi], and clipping the non-decreasing fit to a constant interval stays optimal.
 */
function closest(
  target: readonly number[],
  weight: readonly number[],
  seps: readonly number[],
  lo: number,
  hi: number,
): number[] {
  const offset = offsets(seps);
  const blocks: { sum: number; w: number; n: number }[] = [];
  target.forEach((t, i) => {
    const w = weight[i]!;
    let b = { sum: (t - offset[i]!) * w, w, n: 1 };
    for (let p = blocks.at(-1); p && p.sum / p.w > b.sum / b.w; p = blocks.at(-1)) {
      blocks.pop();
      b = { sum: p.sum + b.sum, w: p.w + b.w, n: p.n + b.n };
    }
    blocks.push(b);
  });
  return blocks
    .flatMap((b) => Array.from({ length: b.n }, () => Math.min(hi, Math.max(lo, b.sum / b.w))))
    .map((y, i) => y + offset[i]!);
}
