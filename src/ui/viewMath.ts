/**
 * Pure view math for the graph: the fit rule, zoom about a point.
 *
 * The fit rule (issue 14: every label readable at the default zoom at 1366x768): the fit shows
 * the whole layout, centred, at most at `maxK`, but never below READABLE_ZOOM, where the
 * smallest label (12 px in graph.css) draws at 11 CSS px. The layout wraps its wide layers into
 * as many columns as fit the canvas width at that scale (`columnsFor`), so it is never wider
 * than the canvas; where it is taller, the canvas grows to the layout (`canvasSize`) and its
 * box scrolls: the top rows (the dependencies) show first. Zooming out by hand still goes to
 * MIN_ZOOM.
 */
import { columnsIn } from '../layout';
import type { GraphLayout } from '../layout';
import type { ViewTransform } from '../store';

/** The zoom range of the graph (d3-zoom's scale extent). */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 3;
/** The smallest label's font size in graph.css, in px of the layout. */
export const SMALLEST_LABEL = 12;
/** The lowest scale of the fit: the smallest label at 11 CSS px. */
export const READABLE_ZOOM = 11 / SMALLEST_LABEL;

const PAD = 24;

/** How many columns of files the layout may use in a canvas `width` CSS px wide. */
export function columnsFor(width: number): number {
  return columnsIn((width - 2 * PAD) / READABLE_ZOOM);
}

function fitScale(layout: GraphLayout, width: number, height: number, maxK: number): number {
  const whole = Math.min(
    maxK,
    (width - 2 * PAD) / layout.width,
    (height - 2 * PAD) / layout.height,
  );
  return Math.max(whole, Math.min(maxK, READABLE_ZOOM));
}

/** The transform that shows the layout, centred, at the fit scale (see the rule above). */
export function fitTransform(
  layout: GraphLayout,
  width: number,
  height: number,
  maxK = 1.1,
): ViewTransform {
  if (width <= 0 || height <= 0) return { x: PAD, y: PAD, k: 1 };
  const k = fitScale(layout, width, height, maxK);
  const at = (room: number, size: number) => Math.max(PAD, (room - size * k) / 2);
  return { x: at(width, layout.width), y: at(height, layout.height), k };
}

/** The canvas for a `width` x `height` box: the box, or larger to hold the layout at the fit. */
export function canvasSize(
  layout: GraphLayout,
  width: number,
  height: number,
  maxK = 1.1,
): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width, height };
  const k = fitScale(layout, width, height, maxK);
  return {
    width: Math.max(width, Math.ceil(layout.width * k + 2 * PAD)),
    height: Math.max(height, Math.ceil(layout.height * k + 2 * PAD)),
  };
}

/** Zoom by `factor` keeping the point (cx, cy) of the viewport in place. */
export function zoomAbout(v: ViewTransform, factor: number, cx: number, cy: number): ViewTransform {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const f = k / v.k;
  return { x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f, k };
}
