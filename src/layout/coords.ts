/**
 * Sugiyama step 3: x coordinates for an ordered layering. Each layer starts evenly spaced and
 * centred; then down and up passes pull every vertex toward the mean x of its neighbours in the
 * layer just passed, as close as the layer's order and spacing allow (a least-squares fit, so
 * a pass never creates an overlap and is deterministic).
 */
import type { Vertex } from './layering';
import { mean } from './order';

const PASSES = 4;
/** A virtual point weighs more than a file, so long edges stay straight and files step aside. */
const VIRTUAL_WEIGHT = 4;

/** Sets `x` on every vertex: files `nodeWidth` wide, virtual points 0, at least `gap` apart. */
export function placeX(layers: readonly Vertex[][], nodeWidth: number, gap: number): void {
  const width = (v: Vertex) => (v.real ? nodeWidth : 0);
  const seps = layers.map((row) =>
    row.slice(1).map((v, i) => (width(row[i]!) + width(v)) / 2 + gap),
  );
  layers.forEach((row, k) => {
    const xs = offsets(seps[k]!);
    const mid = xs[xs.length - 1]! / 2;
    row.forEach((v, i) => (v.x = xs[i]! - mid));
  });
  for (let pass = 0; pass < PASSES; pass++) {
    for (let k = 1; k < layers.length; k++) pull(layers[k]!, seps[k]!, 'up');
    for (let k = layers.length - 2; k >= 0; k--) pull(layers[k]!, seps[k]!, 'down');
  }
}

function pull(row: Vertex[], seps: readonly number[], side: 'up' | 'down'): void {
  const target = row.map((v) => mean(v[side].map((u) => u.x)) ?? v.x);
  const weight = row.map((v) => (v.real ? 1 : VIRTUAL_WEIGHT));
  closest(target, weight, seps).forEach((x, i) => (row[i]!.x = x));
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
 * violators solves exactly.
 */
function closest(
  target: readonly number[],
  weight: readonly number[],
  seps: readonly number[],
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
    .flatMap((b) => Array.from({ length: b.n }, () => b.sum / b.w))
    .map((y, i) => y + offset[i]!);
}
