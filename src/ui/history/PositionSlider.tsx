import { selectPosition, selectStepCount } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';

/** A labelled range input over the history: moving it jumps to that step. */
export function PositionSlider({ testId, className }: { testId: string; className?: string }) {
  const store = useStoreApi();
  const position = useAppStore(selectPosition);
  const count = useAppStore(selectStepCount);
  return (
    <input
      type="range"
      className={className}
      data-testid={testId}
      min={0}
      max={count}
      step={1}
      value={position}
      disabled={count === 0}
      aria-valuetext={`step ${position} of ${count}`}
      onChange={(e) => store.getState().jumpTo(Number(e.target.value))}
    />
  );
}
