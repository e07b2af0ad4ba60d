import { useEffect, useRef } from 'react';
import type { Step, StepResult } from '../../engine';
import { describeStep } from '../../store';
import type { Observed, TourStep } from '../../tour';
import { verdict } from './verdict';

interface Props {
  step: TourStep;
  steps: readonly Step[];
  results: readonly StepResult[];
  observed: Observed;
  chosen: string | null;
  /** Moves the focus here when shown (the control that led here is gone). */
  focus: boolean;
  onRetry(): void;
}

/** The engine's answer: the verdict, each step with its result and reason, and why it matters. */
export function TourResult({ step, steps, results, observed, chosen, focus, onRetry }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { right, text } = verdict(step.task, observed, chosen);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`tour-result${right ? '' : ' wrong'}`}
      data-testid="tour-result"
      data-result={observed.result ?? 'none'}
      data-correct={String(right)}
    >
      <p className="tour-verdict">
        <strong>{text}</strong>
      </p>
      <ol className="tour-engine" aria-label="What the engine did">
        {results.map((r, i) => (
          <li key={i}>
            <code>{steps[i] ? describeStep(steps[i]) : '?'}</code> →{' '}
            <strong className={r.result === 'ok' ? 'result-ok' : 'result-err'}>{r.result}</strong>:{' '}
            {r.reason}
          </li>
        ))}
      </ol>
      <p>{step.why}</p>
      <button type="button" data-testid="tour-retry" onClick={onRetry}>
        Try this step again
      </button>
    </div>
  );
}
