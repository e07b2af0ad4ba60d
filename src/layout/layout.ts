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
 *    then, given a number of columns, a layer wider than that wraps into rows (wrap.ts);
 * 3. x: layers evenly spaced and centred, then pulled toward their neighbours without overlap
 *    and inside the row width (coords.ts);
 * 4. smooth paths through the points (paths.ts).
 * The page picks the columns from the canvas width (ui/viewMath.ts); without it nothing wraps.
 */
import type { FileSpec } from '../engine';
import { placeX } from './coords';
import { backEdges } from './cycles';
import { layer } from './layering';
import type { Link, Vertex } from './layering';
import { arcPath, edgePath } from './paths';
import type { Block } from './wrap';
import { columnsWithin, laneBeside, rowWidth, wrapLayers } from './wrap';

/** A file's box width in px: the UI draws every node this size. */
export const NODE_WIDTH = 172;
/** A file's box height in px. */
export const NODE_HEIGHT = 76;
const GAP_X = 28;
const GAP_Y = 64;
/** Between the rows of a wrapped layer: room for an edge to bend into its lane. */
const ROW_GAP = 36;

/** How many columns of files fit in `width` px of layout (at least 2). */
export const columnsIn = (width: number): number => columnsWithin(width, NODE_WIDTH, GAP_X);
/** The widest `columns` columns of files are, in px. */
export const widthOf = (columns: number): number => rowWidth(columns, NODE_WIDTH, GAP_X);

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

const cache = new WeakMap<readonly FileSpec[], Map<number, GraphLayout>>();

/**
 * The layout of a scenario's files, computed once per files array and number of columns: a
 * layer (or the grid of files without edges) wider than `columns` files wraps into rows, so
 * the layout is at most `widthOf(columns)` wide. By default nothing wraps.
 */
export function layoutScenario(files: readonly FileSpec[], columns = Infinity): GraphLayout {
  let byColumns = cache.get(files);
  if (!byColumns) cache.set(files, (byColumns = new Map()));
  let out = byColumns.get(columns);
  if (!out) {
    out = compute(files, Math.max(2, columns));
    byColumns.set(columns, out);
  }
  return out;
}

function compute(files: readonly FileSpec[], columns: number): GraphLayout {
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
    columns,
  );
  const loose = [...ids].filter((id) => !linked.has(id));
  if (loose.length > 0) {
    const g = grid(loose, width, height, columns);
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
 * the dependency's; where it crosses a layer, two points span that layer's band, so the edge
 * passes straight between the nodes there and bends only in the gaps. In a wrapped layer an
 * edge runs in a lane between columns and bends into its file in the gap above or below it.
 */
function layered(ids: readonly string[], links: readonly Link[], columns: number) {
  const pos = new Map<string, { x: number; y: number }>();
  const paths = new Map<string, Point[]>();
  if (ids.length === 0) return { pos, paths, width: 0, height: 0 };
  const { layers, chains } = layer(ids, links);
  const blocks = Number.isFinite(columns)
    ? wrapLayers(layers, columns, NODE_WIDTH, GAP_X)
    : layers.map((): Block | undefined => undefined);
  placeX(layers, NODE_WIDTH, GAP_X, blocks, widthOf(columns));
  const all = layers.flat();
  // Whole pixels keep the text crisp; files are at least NODE_WIDTH + GAP_X apart, so no overlap.
  for (const v of all) v.x = Math.round(v.x);
  const half = (v: Vertex) => (v.real ? NODE_WIDTH / 2 : 0);
  const left = Math.min(...all.map((v) => v.x - half(v)));
  const right = Math.max(...all.map((v) => v.x + half(v)));
  const rows = (k: number) => blocks[k]?.rows ?? 1;
  const tops: number[] = [];
  layers.forEach((_, k) => {
    tops[k] = k === 0 ? 0 : tops[k - 1]! + rows(k - 1) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP + GAP_Y;
  });
  const rowY = (k: number, r: number) => tops[k]! + NODE_HEIGHT / 2 + r * (NODE_HEIGHT + ROW_GAP);
  const bottom = (k: number) => rowY(k, rows(k) - 1) + NODE_HEIGHT / 2;
  const pitch = NODE_WIDTH + GAP_X;
  for (const v of all) if (v.real) pos.set(v.key, { x: v.x - left, y: rowY(v.layer, v.row) });
  for (const [id, chain] of chains) {
    const points = chain.flatMap((v, i): Point[] => {
      const k = v.layer;
      const block = blocks[k];
      if (!v.real)
        return [
          [v.x, bottom(k)],
          [v.x, tops[k]!],
        ];
      const at: Point = [v.x, rowY(k, v.row)];
      if (!block) return [at];
      if (i === 0 && v.row > 0) {
        const lane = laneBeside(block, v.x, chain[1]!.x, pitch);
        return [at, [lane, rowY(k, v.row - 1) + NODE_HEIGHT / 2], [lane, tops[k]!]];
      }
      if (i > 0 && v.row < block.rows - 1) {
        const lane = laneBeside(block, v.x, chain[i - 1]!.x, pitch);
        return [[lane, bottom(k)], [lane, rowY(k, v.row + 1) - NODE_HEIGHT / 2], at];
      }
      return [at];
    });
    paths.set(
      id,
      points.map(([x, y]) => [x - left, y]),
    );
  }
  const height = bottom(layers.length - 1);
  return { pos, paths, width: right - left, height };
}

/**
 * Packs files without edges in rows under the layered part, the block about 3:2 (128 memfds:
 * 10 columns, under 2 000 px) or `columns` wide if narrower; the narrower part is centred. No edge runs between grid rows,
 * so they are as close as the columns.
 */
function grid(ids: string[], dagWidth: number, dagHeight: number, columns: number) {
  const pitchX = NODE_WIDTH + GAP_X;
  const pitchY = NODE_HEIGHT + GAP_X;
  const cols = Math.min(
    ids.length,
    columns,
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
