import { selectPosition, selectStepCount } from '../../store';
import { useHistoryKeys } from '../history/useHistoryKeys';
import { useAppStore, useStoreApi } from '../storeContext';

/**
 * The history position, movable from the compare view too (the history panel lives in the
 * graph view): a slider, and Ctrl+Z / Ctrl+Shift+Z as there. Every column follows it.
 */
export function CompareStepper() {
  const store = useStoreApi();
  const position = useAppStore(selectPosition);
  const count = useAppStore(selectStepCount);
  useHistoryKeys(store);
  return (
    <label className="compare-stepper">
      <span>
        Step shown: <strong>{position}</strong> of {count}
      </span>
      <input
        type="range"
        data-testid="compare-slider"
        min={0}
        max={count}
        step={1}
        value={position}
        disabled={count === 0}
        aria-valuetext={`step ${position} of ${count}`}
        onChange={(e) => store.getState().jumpTo(Number(e.target.value))}
      />
    </label>
  );
}
