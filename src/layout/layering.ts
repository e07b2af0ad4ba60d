/**
 * Sugiyama step 1 over an acyclic dependency graph: layers by longest path from the
 * dependencies, with a virtual point wherever an edge crosses a layer; then the order within
 * each layer (step 2, order.ts). Deterministic: ties follow the scenario's file order.
 */
import { reduceCrossings } from './order';

/** An edge from a file (`from`) to a file it depends on (`to`). */
export interface Link {
  from: string;
  to: string;
}

/** A file, or a virtual point where a long edge crosses a layer. */
export interface Vertex {
  key: string;
  real: boolean;
  /** 0 is the top layer: files that depend on nothing in the layered part. */
  layer: number;
  /** Tie-breaker: the file's index in the scenario (a virtual point takes its dependent's). */
  rank: number;
  /** Neighbours one layer up (towards the dependencies) and one layer down. */
  up: Vertex[];
  down: Vertex[];
  /** Position in its layer, left to right. */
  index: number;
  /** The row of its layer, when a wide layer wraps into rows (wrap.ts); 0 otherwise. */
  row: number;
  /** Centre, set by the coordinate step. */
  x: number;
}

/** The layered graph: each layer in left-to-right order, and each edge's vertices. */
export interface Layered {
  layers: Vertex[][];
  /** Per edge id (`from->to`): its vertices from the dependent up to the dependency. */
  chains: Map<string, Vertex[]>;
}

/** Layers and orders `ids` (every endpoint of `links`, in file order); `links` must be acyclic. */
export function layer(ids: readonly string[], links: readonly Link[]): Layered {
  const layerOf = longestPath(ids, links);
  const rankOf = new Map(ids.map((id, i) => [id, i]));
  const layers: Vertex[][] = [];
  const add = (key: string, real: boolean, at: number, rank: number): Vertex => {
    const v: Vertex = { key, real, layer: at, rank, up: [], down: [], index: 0, row: 0, x: 0 };
    (layers[at] ??= []).push(v);
    return v;
  };
  const vertex = new Map(ids.map((id) => [id, add(id, true, layerOf.get(id)!, rankOf.get(id)!)]));
  const chains = new Map<string, Vertex[]>();
  for (const l of links) {
    const id = `${l.from}->${l.to}`;
    const bottom = vertex.get(l.from)!;
    const top = vertex.get(l.to)!;
    const chain = [bottom];
    for (let k = bottom.layer - 1; k > top.layer; k--) {
      chain.push(add(`${id}@${k}`, false, k, bottom.rank));
    }
    chain.push(top);
    for (let i = 1; i < chain.length; i++) {
      chain[i]!.down.push(chain[i - 1]!);
      chain[i - 1]!.up.push(chain[i]!);
    }
    chains.set(id, chain);
  }
  for (let k = 0; k < layers.length; k++) layers[k] ??= [];
  reduceCrossings(layers);
  return { layers, chains };
}

/**
 * Longest path: a file's layer is one more than its deepest dependency's. Then a file with at
 * least as many dependents as dependencies moves down to just above its highest dependent,
 * which never lengthens the edges in total (files only move down, so this ends); empty layers
 * are dropped.
 */
function longestPath(ids: readonly string[], links: readonly Link[]): Map<string, number> {
  const deps = new Map(ids.map((id) => [id, [] as string[]]));
  const dependents = new Map(ids.map((id) => [id, [] as string[]]));
  for (const l of links) {
    deps.get(l.from)!.push(l.to);
    dependents.get(l.to)!.push(l.from);
  }
  const layerOf = new Map(ids.map((id) => [id, 0]));
  const pending = new Map(ids.map((id) => [id, deps.get(id)!.length]));
  const queue = ids.filter((id) => pending.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const d of dependents.get(id)!) {
      layerOf.set(d, Math.max(layerOf.get(d)!, layerOf.get(id)! + 1));
      pending.set(d, pending.get(d)! - 1);
      if (pending.get(d) === 0) queue.push(d);
    }
  }
  for (let moved = true; moved;) {
    moved = false;
    for (const id of [...queue].reverse()) {
      const below = dependents.get(id)!;
      if (below.length === 0 || below.length < deps.get(id)!.length) continue;
      const lowest = Math.min(...below.map((d) => layerOf.get(d)!)) - 1;
      if (lowest > layerOf.get(id)!) {
        layerOf.set(id, lowest);
        moved = true;
      }
    }
  }
  const used = [...new Set(layerOf.values())].sort((a, b) => a - b);
  return new Map([...layerOf].map(([id, k]) => [id, used.indexOf(k)]));
}
