import { Suspense, lazy } from 'react';
import { Graph } from '../Graph';
import { useMediaQuery } from './useMediaQuery';

const TimelineStrip = lazy(() => import('../timeline/TimelineStrip'));

/** Tall enough for the graph and a strip of timeline under it (1280x720 and up). */
export const STRIP_FITS = '(min-height: 700px) and (min-width: 901px)';

/**
 * The graph view's main column: the graph, and under it the timeline strip where it fits.
 * The strip's box has a fixed height, so the graph keeps its size (and its fit) as steps come.
 */
export function GraphColumn() {
  const fits = useMediaQuery(STRIP_FITS);
  return (
    <div className="graph-column">
      <Graph />
      {fits && (
        <div className="strip-box" data-testid="timeline-strip-box">
          <Suspense fallback={null}>
            <TimelineStrip />
          </Suspense>
        </div>
      )}
    </div>
  );
}
