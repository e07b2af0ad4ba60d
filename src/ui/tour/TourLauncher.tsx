import { useEffect, useRef } from 'react';
import { selectTourIndex, selectTourLast } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';

/**
 * Starts the guided tour, or resumes it where it was left. When the tour closes, the focus
 * comes back here, to the control that can bring it back.
 */
export function TourLauncher() {
  const store = useStoreApi();
  const index = useAppStore(selectTourIndex);
  const last = useAppStore(selectTourLast);
  const mainRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(index !== null);

  useEffect(() => {
    if (wasOpen.current && index === null) mainRef.current?.focus();
    wasOpen.current = index !== null;
  }, [index]);

  if (index !== null) return null;
  const open = (i: number) => store.getState().openTour(i);
  return (
    <div className="tour-launcher">
      {last === null ? (
        <button ref={mainRef} type="button" data-testid="tour-start" onClick={() => open(0)}>
          Guided tour of the June 2026 thread
        </button>
      ) : (
        <>
          <button ref={mainRef} type="button" data-testid="tour-resume" onClick={() => open(last)}>
            Resume tour (step {last + 1})
          </button>
          <button type="button" data-testid="tour-restart" onClick={() => open(0)}>
            Start the tour over
          </button>
        </>
      )}
    </div>
  );
}
