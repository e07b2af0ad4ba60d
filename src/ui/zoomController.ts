/**
 * d3-zoom wrapped for React: d3 listens to wheel/drag on the element and reports numbers;
 * React applies the transform. The controller never touches an element React renders.
 * Where the graph is taller than its box, the box scrolls: the wheel then scrolls it, as on
 * any page, and Ctrl + wheel (or a pinch) zooms; elsewhere the wheel zooms.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { ViewTransform } from '../store';
import { MAX_ZOOM, MIN_ZOOM } from './viewMath';

export interface ZoomController {
  /** Moves the view to this transform (reported back through `onChange`). */
  update(view: ViewTransform): void;
  destroy(): void;
}

export { MAX_ZOOM, MIN_ZOOM } from './viewMath';

export function createZoomController(
  element: SVGSVGElement,
  { onChange }: { onChange(view: ViewTransform): void },
): ZoomController {
  const box = element.parentElement;
  const scrolls = () =>
    !!box && (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1);
  const behavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent([MIN_ZOOM, MAX_ZOOM])
    .filter((e: WheelEvent | MouseEvent) =>
      e.type === 'wheel' ? e.ctrlKey || e.metaKey || !scrolls() : !e.ctrlKey && !e.button,
    )
    // d3's default speeds Ctrl up tenfold for a pinch's small deltas; a mouse wheel's are large.
    .wheelDelta(
      (e: WheelEvent) =>
        -e.deltaY *
        (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002) *
        (e.ctrlKey && Math.abs(e.deltaY) < 20 ? 10 : 1),
    )
    .on('zoom', (event: { transform: ViewTransform }) => {
      const { x, y, k } = event.transform;
      onChange({ x, y, k });
    });
  const selection = select(element);
  // Double click is for the nodes, not for zooming.
  selection.call(behavior).on('dblclick.zoom', null);
  return {
    update(view) {
      behavior.transform(selection, zoomIdentity.translate(view.x, view.y).scale(view.k));
    },
    destroy() {
      selection.on('.zoom', null);
    },
  };
}
