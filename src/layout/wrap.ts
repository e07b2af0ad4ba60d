/**
 * Sugiyama step 2b (ours): a layer wider than the row width wraps into rows (issue 14: 64
 * vCPUs were one line of boxes a few pixels tall). A wrapped layer is a block of at most
 * `columns` files per row, in the layer's crossing-reduced order, row-major; the last row is
 * centred by whole columns, so every file sits in a column. Edges do not cross a block through
 * its files: they run in lanes, the gaps between columns (a bundle where many files share a
 * dependency), and bend into a file in the gap between two rows.
 */
import type { Vertex } from './layering';

/** A wrapped layer: its rows and columns, and the x of each lane (relative to the centre). */
export interface Block {
  rows: number;
  cols: number;
  lanes: readonly number[];
}

/** How many files of `nodeWidth`, `gap` apart, fit in `width` (at least 2). */
export function columnsWithin(width: number, nodeWidth: number, gap: number): number {
  return Math.max(2, Math.floor((width + gap) / (nodeWidth + gap)));
}

/** The widest a row of `columns` files is. */
export function rowWidth(columns: number, nodeWidth: number, gap: number): number {
  return columns * (nodeWidth + gap) - gap;
}

/**
 * Wraps every layer wider than `columns` files' row (its files and the gaps around the edges
 * passing through it): sets `row` and `x` on its files and returns its block; other layers get
 * undefined and are placed by coords.ts.
 */
export function wrapLayers(
  layers: readonly Vertex[][],
  columns: number,
  nodeWidth: number,
  gap: number,
): (Block | undefined)[] {
  const limit = rowWidth(columns, nodeWidth, gap);
  const pitch = nodeWidth + gap;
  return layers.map((row) => {
    const real = row.filter((v) => v.real);
    const width = real.length * nodeWidth + (row.length - 1) * gap;
    if (width <= limit || real.length === 0) return undefined;
    const cols = Math.min(columns, real.length);
    const rows = Math.ceil(real.length / cols);
    const column = (c: number) => (c - (cols - 1) / 2) * pitch;
    real.forEach((v, i) => {
      v.row = Math.floor(i / cols);
      const inRow = v.row < rows - 1 ? cols : real.length - (rows - 1) * cols;
      v.x = column((i % cols) + Math.floor((cols - inRow) / 2));
    });
    const lanes =
      cols > 1 ? Array.from({ length: cols - 1 }, (_, c) => column(c) + pitch / 2) : [pitch / 2];
    return { rows, cols, lanes };
  });
}

/** The lane nearest `x`. */
export function nearestLane(block: Block, x: number): number {
  let best = block.lanes[0]!;
  for (const l of block.lanes) if (Math.abs(l - x) < Math.abs(best - x)) best = l;
  return best;
}

/** The lane beside a file at `x` (one of the two next to it) nearer `toward`. */
export function laneBeside(block: Block, x: number, toward: number, pitch: number): number {
  const beside = block.lanes.filter((l) => Math.abs(Math.abs(l - x) - pitch / 2) < 1);
  return beside.length > 0
    ? nearestLane({ ...block, lanes: beside }, toward)
    : nearestLane(block, x);
}
