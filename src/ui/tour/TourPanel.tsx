import { useCallback, useEffect, useRef } from 'react';
import { selectTourIndex, selectTourLoaded } from '../../store';
import { tourWork } from '../../store/tourWork';
import { TOUR } from '../../tour/steps';
import { useAppStore, useStoreApi } from '../storeContext';
import { ActTask } from './ActTask';
import { PredictTask } from './PredictTask';
import { TourSources } from './TourSources';
import { useTourKeys } from './useTourKeys';
import './tour.css';

/**
 * The guided tour beside the graph: one step at a time, each opening its scenario, variant and
 * history in the page. Previous and Next move; Escape or "Leave the tour" closes it, and the
 * launcher offers to resume at the step left.
 */
export default function TourPanel() {
  const store = useStoreApi();
  const index = useAppStore(selectTourIndex) ?? 0;
  const loaded = useAppStore(selectTourLoaded);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const total = TOUR.length;
  const at = Math.max(0, Math.min(index, total - 1));
  const step = TOUR[at]!;

  const go = useCallback(
    (i: number) => {
      const s = TOUR[i]!;
      const text = `Tour step ${i + 1} of ${TOUR.length}: ${s.title}.`;
      store.getState().loadTourStep(i, tourWork(s), text);
    },
    [store],
  );

  // Opened by the address, the launcher or "resume": load the step it names.
  useEffect(() => {
    if (loaded === index) return;
    go(at);
    if (at !== index) {
      store.getState().setNotice(`The tour has ${total} steps: step ${at + 1} is shown instead.`);
    }
  }, [at, index, loaded, go, store, total]);

  useEffect(() => headingRef.current?.focus(), []);
  useTourKeys(store);

  const first = at === 0;
  const last = at === total - 1;
  const reload = () => go(at);
  return (
    <section
      className="tour panel"
      aria-labelledby="tour-title"
      data-testid="tour"
      data-step={at + 1}
      data-step-id={step.id}
    >
      <div className="tour-head">
        <p id="tour-progress" data-testid="tour-progress" data-step={at + 1} data-steps={total}>
          Guided tour · Step {at + 1} of {total}
        </p>
        <progress max={total} value={at + 1} aria-hidden="true" />
      </div>
      <h2 id="tour-title" ref={headingRef} tabIndex={-1} aria-describedby="tour-progress">
        {step.title}
      </h2>
      <p className="tour-text">{step.text}</p>
      {step.task.kind === 'predict' ? (
        <PredictTask key={step.id} step={step} reload={reload} />
      ) : (
        <ActTask key={step.id} step={step} reload={reload} />
      )}
      <nav className="tour-nav" aria-label="Tour steps">
        <button
          type="button"
          data-testid="tour-prev"
          aria-disabled={first}
          onClick={() => !first && go(at - 1)}
        >
          Previous
        </button>
        {last ? (
          <button
            type="button"
            data-testid="tour-finish"
            onClick={() => store.getState().leaveTour({ finished: true })}
          >
            Finish the tour
          </button>
        ) : (
          <button type="button" data-testid="tour-next" onClick={() => go(at + 1)}>
            Next
          </button>
        )}
        <button
          type="button"
          data-testid="tour-leave"
          aria-keyshortcuts="Escape"
          onClick={() => store.getState().leaveTour()}
        >
          Leave the tour
        </button>
      </nav>
      <TourSources sources={step.sources} />
    </section>
  );
}
