/**
 * Sugiyama step 2: the order of each layer, with few edge crossings. Barycenter sweeps from a
 * few starting orders plus transposition of neighbours; deterministic, ties in file order.
 */
import type { Vertex } from './layering';

const SWEEPS = 6;

/**
 * From three starting orders (file order, depth-first from the top, from the bottom): down and
 * up sweeps of the barycenter heuristic, each followed by transposing neighbours; keeps the
 * order with the fewest crossings (the first one found on a tie).
 */
export function reduceCrossings(layers: Vertex[][]): void {
  const inFileOrder = layers.map((row) => [...row].sort(byRank));
  inFileOrder.forEach(renumber);
  let best = inFileOrder;
  let fewest = Infinity;
  for (const start of [inFileOrder, dfsOrder(inFileOrder, 'down'), dfsOrder(inFileOrder, 'up')]) {
    start.forEach((row, k) => {
      layers[k] = [...row];
      renumber(layers[k]!);
    });
    for (let sweep = 0; sweep <= SWEEPS && fewest > 0; sweep++) {
      if (sweep > 0) {
        for (let k = 1; k < layers.length; k++) sortBy(layers[k]!, 'up');
        for (let k = layers.length - 2; k >= 0; k--) sortBy(layers[k]!, 'down');
        transpose(layers);
      }
      const count = crossings(layers);
      if (count < fewest) {
        fewest = count;
        best = layers.map((row) => [...row]);
      }
    }
  }
  best.forEach((row, k) => {
    layers[k] = row;
    renumber(row);
  });
}

/** Each layer in the order a depth-first walk down (or up) from the first layer meets it. */
function dfsOrder(layers: readonly Vertex[][], side: 'up' | 'down'): Vertex[][] {
  const seq = new Map<Vertex, number>();
  const visit = (v: Vertex): void => {
    if (seq.has(v)) return;
    seq.set(v, seq.size);
    v[side].forEach(visit);
  };
  (side === 'down' ? layers : [...layers].reverse()).flat().forEach(visit);
  return layers.map((row) => [...row].sort((a, b) => seq.get(a)! - seq.get(b)!));
}

/** Orders a layer by the mean position of each vertex's neighbours on one side. */
function sortBy(row: Vertex[], side: 'up' | 'down'): void {
  // A vertex with no neighbour on that side keeps its place; the others are sorted around it.
  const moving = row
    .filter((v) => v[side].length > 0)
    .map((v) => ({ v, key: mean(v[side].map((u) => u.index))! }))
    .sort((a, b) => a.key - b.key || byRank(a.v, b.v));
  let next = 0;
  row.forEach((v, i) => {
    if (v[side].length > 0) row[i] = moving[next++]!.v;
  });
  renumber(row);
}

/** Swaps neighbours in a layer while that removes crossings (the "transpose" step of dot). */
function transpose(layers: Vertex[][]): void {
  for (let changed = true, rounds = 0; changed && rounds < 8; rounds++) {
    changed = false;
    for (const row of layers) {
      for (let i = 0; i + 1 < row.length; i++) {
        const a = row[i]!;
        const b = row[i + 1]!;
        if (pairCrossings(b, a) < pairCrossings(a, b)) {
          [row[i], row[i + 1], a.index, b.index] = [b, a, i + 1, i];
          changed = true;
        }
      }
    }
  }
}

/** Crossings between the edges of `a` and `b` if `a` is left of `b`. */
function pairCrossings(a: Vertex, b: Vertex): number {
  let count = 0;
  for (const u of a.up) for (const w of b.up) if (u.index > w.index) count++;
  for (const u of a.down) for (const w of b.down) if (u.index > w.index) count++;
  return count;
}

/** Pairs of edges that cross between adjacent layers. */
function crossings(layers: readonly (readonly Vertex[])[]): number {
  let count = 0;
  for (const row of layers) {
    const edges = row.flatMap((u) => u.down.map((w) => [u.index, w.index] as const));
    for (let i = 0; i < edges.length; i++) {
      const [a0, a1] = edges[i]!;
      for (let j = i + 1; j < edges.length; j++) {
        const [b0, b1] = edges[j]!;
        if ((a0 - b0) * (a1 - b1) < 0) count++;
      }
    }
  }
  return count;
}

/** The mean of some numbers, undefined for none. */
export function mean(xs: readonly number[]): number | undefined {
  return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined;
}

function byRank(a: Vertex, b: Vertex): number {
  return a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function renumber(row: Vertex[]): void {
  row.forEach((v, i) => (v.index = i));
}
