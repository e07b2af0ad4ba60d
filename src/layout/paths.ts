/** SVG path strings for the edges (plain math, no DOM). */
type Point = readonly [number, number];

const r = (n: number) => Math.round(n * 10) / 10;

/**
 * Through the layout's points, from the dependent's top to the dependency's bottom: each
 * segment a cubic with vertical tangents, so long edges bend smoothly between layers (the curve
 * of d3-shape's `curveBumpY`; d3-shape 3.2.1 ships one bundled file that does not tree-shake
 * well, `line` + `curveBumpY` cost 3.1 KB gzip, for these ten lines).
 */
export function edgePath(points: readonly Point[], nodeHeight: number): string {
  if (points.length < 2) return '';
  const pts = points.map(([x, y]) => [x, y] as [number, number]);
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const up = last[1] < first[1] ? -1 : 1;
  first[1] += (up * nodeHeight) / 2;
  last[1] -= (up * nodeHeight) / 2;
  let d = `M${r(first[0])},${r(first[1])}`;
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    const my = (y0 + y1) / 2;
    d += ` C${r(x0)},${r(my)} ${r(x1)},${r(my)} ${r(x1)},${r(y1)}`;
  }
  return d;
}

/** A back edge of a cycle: an arc out of the right side of one node into the other's. */
export function arcPath(
  from: { x: number; y: number },
  to: { x: number; y: number },
  width: number,
  height: number,
): string {
  if (from.x === to.x && from.y === to.y) {
    // A file depending on itself: a loop on its right side.
    const x = from.x + width / 2;
    return `M${r(x)},${r(from.y - 10)} C${r(x + 48)},${r(from.y - 40)} ${r(x + 48)},${r(from.y + 40)} ${r(x)},${r(from.y + 10)}`;
  }
  if (from.y === to.y) {
    const y = from.y - height / 2;
    const lift = 40 + Math.abs(to.x - from.x) / 4;
    return `M${r(from.x)},${r(y)} C${r(from.x)},${r(y - lift)} ${r(to.x)},${r(y - lift)} ${r(to.x)},${r(y)}`;
  }
  const x0 = from.x + width / 2;
  const x1 = to.x + width / 2;
  const bulge = 48 + Math.abs(to.y - from.y) / 3;
  const cx = Math.max(x0, x1) + bulge;
  return `M${r(x0)},${r(from.y)} C${r(cx)},${r(from.y)} ${r(cx)},${r(to.y)} ${r(x1)},${r(to.y)}`;
}
