import { Suspense, lazy } from 'react';
import { ViewPanel } from './ViewPanel';

// Loaded on first use: the graph, the first thing a person sees, does not wait for them.
const CompareView = lazy(() => import('./compare/CompareView'));
const ExplorerPanel = lazy(() => import('./explorer/ExplorerPanel'));
const TimelineView = lazy(() => import('./timeline/TimelineView'));

const loading = <p className="muted">Loading…</p>;

/** The compare, explore and timeline views, each in its tab panel. */
export function LazyViews() {
  return (
    <>
      <ViewPanel tab="compare">
        <Suspense fallback={loading}>
          <CompareView />
        </Suspense>
      </ViewPanel>
      <ViewPanel tab="explore">
        <Suspense fallback={loading}>
          <ExplorerPanel />
        </Suspense>
      </ViewPanel>
      <ViewPanel tab="timeline">
        <Suspense fallback={loading}>
          <TimelineView />
        </Suspense>
      </ViewPanel>
    </>
  );
}
