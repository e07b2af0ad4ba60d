/**
 * d3-zoom wrapped for React: d3 listens to wheel/drag on the element and reports numbers;
 * React applies the transform. The controller never touches an element React renders.
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
  const behavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent([MIN_ZOOM, MAX_ZOOM])
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
