/**
 * The scenario graph laid out once, dependencies above their dependents, so the page reads
 * top-down in preserve order. Files with no edge at all are packed in a grid under it (a layer
 * of 128 memfds would be 25 000 px wide). Positions depend on the files only: a file's state,
 * the variant or the step never moves a node.
 *
 * Not d3-dag: it ships as one pre-minified ESM file that does not tree-shake, so importing even
 * `graphConnect` costs 37.6 KB gzip of startup JavaScript, for graphs of 2 to 16 nodes. This is
 * a small Sugiyama layout instead, deterministic (ties follow the scenario's file order):
 * 0. back edges of generic cycles are left out of the layering and drawn as arcs (cycles.ts);
 * 1. layers by longest path from the dependencies, with a virtual point wherever an edge
 *    crosses a layer, so long edges bend around the files (layering.ts);
 * 2. barycenter sweeps and neighbour swaps against crossings (order.ts);
 * 3. x: layers evenly spaced and centred, then pulled toward their neighbours without overlap
 *    (coords.ts);
 * 4. smooth paths through the points (paths.ts).
 */
import type { FileSpec } from '../engine';
import { placeX } from './coords';
import { backEdges } from './cycles';
import { layer } from './layering';
import type { Link } from './layering';
import { arcPath, edgePath } from './paths';

/** A file's box width in px: the UI draws every node this size. */
export const NODE_WIDTH = 172;
/** A file's box height in px. */
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

/** A scenario laid out, in px from the top left of a `width` x `height` box. */
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

function compute(files: readonly FileSpec[]): GraphLayout {
  const ids = new Set(files.map((f) => f.id as string));
  const links: Link[] = files.flatMap((f) =>
    f.deps.filter((d) => ids.has(d)).map((d) => ({ from: f.id as string, to: d as string })),
  );
  const back = backEdges([...ids], links);
  const isBack = (l: Link) => back.has(`${l.from}->${l.to}`);
  const forward = links.filter((l) => !isBack(l));
  const linked = new Set(forward.flatMap((l) => [l.from, l.to]));
  let { pos, paths, width, height } = layered(
    [...ids].filter((id) => linked.has(id)),
    forward,
  );
  const loose = [...ids].filter((id) => !linked.has(id));
  if (loose.length > 0) {
    const g = grid(loose, width, height);
    const shift = (x: number) => x + g.dagShift;
    pos = new Map([...pos].map(([id, p]) => [id, { x: shift(p.x), y: p.y }]));
    paths = new Map([...paths].map(([id, pts]) => [id, pts.map(([x, y]) => [shift(x), y])]));
    for (const [id, p] of g.pos) pos.set(id, p);
    ({ width, height } = g);
  }
  const edges: EdgeLayout[] = links.map((l) => {
    const id = `${l.from}->${l.to}`;
    const d = isBack(l)
      ? arcPath(pos.get(l.from)!, pos.get(l.to)!, NODE_WIDTH, NODE_HEIGHT)
      : edgePath(paths.get(id)!, NODE_HEIGHT);
    return { id, from: l.from, to: l.to, d, back: isBack(l) };
  });
  const nodes = files
    .map((f) => ({ id: f.id as string, ...pos.get(f.id)! }))
    .sort((p, q) => p.y - q.y || p.x - q.x);
  return { nodes, edges, width, height };
}

type Point = [number, number];

/**
 * The layered part: node centres, and per edge its points from the dependent's centre up to
 * the dependency's; where it crosses a layer, two points span that layer's node band, so the
 * edge passes straight between the nodes there and bends only in the gaps.
 */
function layered(ids: readonly string[], links: readonly Link[]) {
  const pos = new Map<string, { x: number; y: number }>();
  const paths = new Map<string, Point[]>();
  if (ids.length === 0) return { pos, paths, width: 0, height: 0 };
  const { layers, chains } = layer(ids, links);
  placeX(layers, NODE_WIDTH, GAP_X);
  const all = layers.flat();
  // Whole pixels keep the text crisp; files are at least NODE_WIDTH + GAP_X apart, so no overlap.
  for (const v of all) v.x = Math.round(v.x);
  const half = (v: (typeof all)[number]) => (v.real ? NODE_WIDTH / 2 : 0);
  const left = Math.min(...all.map((v) => v.x - half(v)));
  const right = Math.max(...all.map((v) => v.x + half(v)));
  const y = (k: number) => NODE_HEIGHT / 2 + k * (NODE_HEIGHT + GAP_Y);
  for (const v of all) if (v.real) pos.set(v.key, { x: v.x - left, y: y(v.layer) });
  for (const [id, chain] of chains) {
    paths.set(
      id,
      chain.flatMap((v): Point[] =>
        v.real
          ? [[v.x - left, y(v.layer)]]
          : [
              [v.x - left, y(v.layer) + NODE_HEIGHT / 2],
              [v.x - left, y(v.layer) - NODE_HEIGHT / 2],
            ],
      ),
    );
  }
  return { pos, paths, width: right - left, height: y(layers.length - 1) + NODE_HEIGHT / 2 };
}

/**
 * Packs files without edges in rows under the layered part, the block about 3:2 (128 memfds:
 * 10 columns, under 2 000 px); the narrower part is centred. No edge runs between grid rows,
 * so they are as close as the columns.
 */
function grid(ids: string[], dagWidth: number, dagHeight: number) {
  const pitchX = NODE_WIDTH + GAP_X;
  const pitchY = NODE_HEIGHT + GAP_X;
  const cols = Math.min(
    ids.length,
    Math.max(4, Math.round(Math.sqrt((1.5 * pitchY * ids.length) / pitchX))),
  );
  const rows = Math.ceil(ids.length / cols);
  const gridWidth = cols * pitchX - GAP_X;
  const width = Math.max(dagWidth, gridWidth);
  const left = Math.round((width - gridWidth) / 2) + NODE_WIDTH / 2;
  const top = (dagHeight > 0 ? dagHeight + GAP_Y : 0) + NODE_HEIGHT / 2;
  const pos = new Map<string, { x: number; y: number }>();
  ids.forEach((id, i) => {
    pos.set(id, { x: left + (i % cols) * pitchX, y: top + Math.floor(i / cols) * pitchY });
  });
  const height = top + (rows - 1) * pitchY + NODE_HEIGHT / 2;
  return { pos, width, height, dagShift: dagWidth > 0 ? Math.round((width - dagWidth) / 2) : 0 };
}
