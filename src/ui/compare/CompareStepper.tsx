import { selectPosition, selectStepCount } from '../../store';
import { PositionSlider } from '../history/PositionSlider';
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
      <PositionSlider testId="compare-slider" />
    </label>
  );
}
