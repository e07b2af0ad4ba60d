/**
 * The scenario graph laid out once: d3-dag's Sugiyama layering (layered DAG, few crossings,
 * straight long edges) over the dependency graph, dependencies above their dependents, so the
 * page reads top-down in preserve order. Files with no edge at all are packed in a grid under
 * it (a Sugiyama row of 128 memfds would be 25 000 px wide). Positions depend on the files
 * only: a file's state, the variant or the step never moves a node.
 */
import { graphConnect, sugiyama } from 'd3-dag';
import type { FileSpec } from '../engine';
import { backEdges } from './cycles';
import { arcPath, edgePath } from './paths';

export const NODE_WIDTH = 172;
export const NODE_HEIGHT = 76;
const GAP_X = 28;
const GAP_Y = 64;

/** A node's centre. */
export interface NodePosition {
  id: string;
  x: number;
  y: number;
}

/** An arrow from a file (`from`) to a file it depends on (`to`), as an SVG path. */
export interface EdgeLayout {
  id: string;
  from: string;
  to: string;
  d: string;
  /** A back edge of a dependency cycle: left out of the layering, drawn as an arc. */
  back: boolean;
}

export interface GraphLayout {
  /** In reading order (top to bottom, left to right): the Tab order of the graph. */
  nodes: readonly NodePosition[];
  edges: readonly EdgeLayout[];
  width: number;
  height: number;
}

const cache = new WeakMap<readonly FileSpec[], GraphLayout>();

/** The layout of a scenario's files, computed once per files array. */
export function layoutScenario(files: readonly FileSpec[]): GraphLayout {
  let out = cache.get(files);
  if (!out) {
    out = compute(files);
    cache.set(files, out);
  }
  return out;
}

interface Link {
  from: string;
  to: string;
}

function compute(files: readonly FileSpec[]): GraphLayout {
  const ids = new Set(files.map((f) => f.id as string));
  const links: Link[] = files.flatMap((f) =>
    f.deps.filter((d) => ids.has(d)).map((d) => ({ from: f.id as string, to: d as string })),
  );
  const back = backEdges(
    files.map((f) => f.id),
    links,
  );
  const isBack = (l: Link) => back.has(`${l.from}->${l.to}`);
  const forward = links.filter((l) => !isBack(l));
  const pos = new Map<string, { x: number; y: number }>();
  const paths = new Map<string, [number, number][]>();
  let width = 0;
  let height = 0;
  if (forward.length > 0) {
    // Parent = the dependency, child = the dependent: dependencies end up on top.
    const dag = graphConnect()(forward.map((l) => [l.to, l.from] as [string, string]));
    const layout = sugiyama().nodeSize([NODE_WIDTH, NODE_HEIGHT]).gap([GAP_X, GAP_Y]);
    ({ width, height } = layout(dag));
    for (const node of dag.nodes()) pos.set(node.data, { x: node.x, y: node.y });
    for (const link of dag.links()) {
      paths.set(`${link.target.data}->${link.source.data}`, [...link.points].reverse());
    }
  }
  const loose = files.map((f) => f.id as string).filter((id) => !pos.has(id));
  if (loose.length > 0) {
    const g = grid(loose, width, height);
    const shift = g.dagShift;
    if (shift > 0) {
      for (const [id, p] of pos) pos.set(id, { x: p.x + shift, y: p.y });
      for (const [id, pts] of paths)
        paths.set(
          id,
          pts.map(([x, y]) => [x + shift, y]),
        );
    }
    for (const [id, p] of g.pos) pos.set(id, p);
    ({ width, height } = g);
  }
  const edges: EdgeLayout[] = links.map((l) => {
    const id = `${l.from}->${l.to}`;
    const a = pos.get(l.from)!;
    const b = pos.get(l.to)!;
    const d = isBack(l)
      ? arcPath(a, b, NODE_WIDTH, NODE_HEIGHT)
      : edgePath(
          paths.get(id) ?? [
            [a.x, a.y],
            [b.x, b.y],
          ],
          NODE_HEIGHT,
        );
    return { id, from: l.from, to: l.to, d, back: isBack(l) };
  });
  const nodes = files
    .map((f) => ({ id: f.id as string, ...pos.get(f.id)! }))
    .sort((p, q) => p.y - q.y || p.x - q.x);
  return { nodes, edges, width, height };
}

/** Packs files without edges in rows under the layered part; the narrower one is centred. */
function grid(ids: string[], dagWidth: number, dagHeight: number) {
  const cols = Math.min(ids.length, Math.max(4, Math.ceil(Math.sqrt(2 * ids.length))));
  const rows = Math.ceil(ids.length / cols);
  const gridWidth = cols * NODE_WIDTH + (cols - 1) * GAP_X;
  const width = Math.max(dagWidth, gridWidth);
  const left = (width - gridWidth) / 2 + NODE_WIDTH / 2;
  const top = (dagHeight > 0 ? dagHeight + GAP_Y : 0) + NODE_HEIGHT / 2;
  const pos = new Map<string, { x: number; y: number }>();
  ids.forEach((id, i) => {
    pos.set(id, {
      x: left + (i % cols) * (NODE_WIDTH + GAP_X),
      y: top + Math.floor(i / cols) * (NODE_HEIGHT + GAP_Y),
    });
  });
  const height = top + (rows - 1) * (NODE_HEIGHT + GAP_Y) + NODE_HEIGHT / 2;
  return { pos, width, height, dagShift: dagWidth > 0 ? (width - dagWidth) / 2 : 0 };
}
