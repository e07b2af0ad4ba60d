/** Pure view math for the graph: fit the layout, zoom about the centre. */
import type { GraphLayout } from '../layout';
import type { ViewTransform } from '../store';

/** The zoom range of the graph (d3-zoom's scale extent). */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 3;

const PAD = 24;

/** The transform that shows the whole layout, centred, at most at 110 %. */
export function fitTransform(
  layout: GraphLayout,
  width: number,
  height: number,
  maxK = 1.1,
): ViewTransform {
  if (width <= 0 || height <= 0) return { x: PAD, y: PAD, k: 1 };
  const k = Math.max(
    MIN_ZOOM,
    Math.min(maxK, (width - 2 * PAD) / layout.width, (height - 2 * PAD) / layout.height),
  );
  return { x: (width - layout.width * k) / 2, y: (height - layout.height * k) / 2, k };
}

/** Zoom by `factor` keeping the point (cx, cy) of the viewport in place. */
export function zoomAbout(v: ViewTransform, factor: number, cx: number, cy: number): ViewTransform {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const f = k / v.k;
  return { x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f, k };
}
