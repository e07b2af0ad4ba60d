import { memo } from 'react';
import type { LogEntry } from '../../store';
import { describeStep } from '../../store';
import { useStoreApi } from '../storeContext';

interface Props {
  /** The position this button shows: after `entry`, or 0 (the start) without one. */
  position: number;
  current: boolean;
  /** After the position: undone, brought back by redo. */
  future: boolean;
  entry: LogEntry | null;
}

/** One step of the history: its number, the action, its result. */
export const StepButton = memo(function StepButton({ position, current, future, entry }: Props) {
  const store = useStoreApi();
  const result = entry?.result.result;
  const label = entry ? `${describeStep(entry.step)}` : 'Start: no action yet';
  return (
    <li className={`step ${future ? 'future' : ''}`}>
      <button
        type="button"
        tabIndex={current ? 0 : -1}
        aria-current={current ? 'step' : undefined}
        data-testid="history-step"
        data-position={position}
        data-result={result ?? 'start'}
        data-undone={String(future)}
        onClick={() => store.getState().jumpTo(position)}
      >
        <span className="step-number">{position}.</span> <span className="step-label">{label}</span>
        {result !== undefined && (
          <strong className={result === 'ok' ? 'result-ok' : 'result-err'}>
            {result === 'ok' ? ' ok' : ` -${result}`}
          </strong>
        )}
        {future && <span className="sr-only"> (undone)</span>}
      </button>
    </li>
  );
});
