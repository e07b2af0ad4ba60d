import { Suspense, lazy } from 'react';
import { selectTourIndex } from '../../store';
import { useAppStore } from '../storeContext';

// The tour's text and its panel load when the tour opens: the graph does not wait for them.
const TourPanel = lazy(() => import('./TourPanel'));

/** The tour panel beside the graph, while the tour is open. */
export function TourSlot() {
  const open = useAppStore(selectTourIndex) !== null;
  if (!open) return null;
  return (
    <Suspense fallback={<p className="muted">Loading the tour…</p>}>
      <TourPanel />
    </Suspense>
  );
}
