import { useState } from 'react';
import type { StepResult } from '../../engine';
import type { Observed, TourStep } from '../../tour';
import { observe } from '../../tour';
import { useStoreApi } from '../storeContext';
import { TourResult } from './TourResult';
import { verdict } from './verdict';

interface Props {
  step: TourStep;
  /** Reopens the step's scenario and history. */
  reload(): void;
}

interface Answer {
  chosen: string;
  results: StepResult[];
  observed: Observed;
}

/**
 * A prediction: the reader picks one answer, then the engine runs the answer's steps from the
 * step's history (so the graph shows them too) and the tour says what happened and why.
 */
export function PredictTask({ step, reload }: Props) {
  const store = useStoreApi();
  const [choice, setChoice] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [hint, setHint] = useState(false);
  if (step.task.kind !== 'predict') return null;
  const { task } = step;

  const check = () => {
    if (choice === null) {
      setHint(true);
      store.getState().announce('Pick an answer first.');
      return;
    }
    reload();
    // One step at a time: a refused step does not stop the ones after it.
    const results = step.answer.steps.flatMap((s) => store.getState().perform([s]));
    const observed = observe(store.getState().current.state, results[results.length - 1] ?? null);
    setAnswer({ chosen: choice, results, observed });
    store.getState().announce(`${verdict(task, observed, choice).text} ${step.why}`);
  };
  const retry = () => {
    reload();
    setAnswer(null);
    setChoice(null);
    setHint(false);
  };

  const name = `tour-${step.id}`;
  return (
    <>
      <fieldset className="tour-choices" data-testid="tour-choices" disabled={answer !== null}>
        <legend>{task.question}</legend>
        {task.choices.map((c) => (
          <label key={c.id} className="check">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={choice === c.id}
              data-testid={`tour-choice-${c.id}`}
              onChange={() => {
                setChoice(c.id);
                setHint(false);
              }}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      {answer === null ? (
        <p className="tour-check">
          <button
            type="button"
            data-testid="tour-check"
            aria-disabled={choice === null}
            aria-describedby={hint ? `${name}-hint` : undefined}
            onClick={check}
          >
            Check my answer
          </button>
          {hint && (
            <span id={`${name}-hint`} className="field-error">
              Pick an answer first.
            </span>
          )}
        </p>
      ) : (
        <TourResult
          step={step}
          steps={step.answer.steps}
          results={answer.results}
          observed={answer.observed}
          chosen={answer.chosen}
          focus
          onRetry={retry}
        />
      )}
    </>
  );
}
