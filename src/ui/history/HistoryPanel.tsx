import { selectCanRedo, selectCanUndo, selectPosition, selectStepCount } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';
import { PositionSlider } from './PositionSlider';
import { StepList } from './StepList';
import { useHistoryKeys } from './useHistoryKeys';

/**
 * The history: undo, redo, a slider over every step and the list of steps. The state shown
 * (graph, log, outcome) is the replay of the actions up to the position.
 */
export function HistoryPanel() {
  const store = useStoreApi();
  const position = useAppStore(selectPosition);
  const count = useAppStore(selectStepCount);
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  useHistoryKeys(store);
  return (
    <section className="history" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">History</h2>
      <div className="history-controls">
        <button
          type="button"
          data-testid="history-undo"
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          onClick={() => store.getState().undo()}
        >
          Undo
        </button>
        <button
          type="button"
          data-testid="history-redo"
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          onClick={() => store.getState().redo()}
        >
          Redo
        </button>
        <p
          className="history-position"
          data-testid="history-position"
          data-position={position}
          data-steps={count}
        >
          Step <strong>{position}</strong> of {count}
        </p>
      </div>
      <label className="history-slider">
        Step shown (0 is the start)
        <PositionSlider testId="history-slider" />
      </label>
      <StepList />
    </section>
  );
}
