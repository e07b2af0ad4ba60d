import { useState } from 'react';
import type { Step } from '../../engine';
import { describeStep } from '../../store';
import type { AppData } from '../../store';
import type { TourStep } from '../../tour';
import { observe } from '../../tour';
import { useAppStore, useStoreApi } from '../storeContext';
import { TourResult } from './TourResult';

interface Props {
  step: TourStep;
  reload(): void;
}

type Status = 'waiting' | 'done' | 'other';

const same = (a: Step, b: Step) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the steps taken after the history are the answer's (so far, all, or others). */
function actStatus(s: AppData, from: number, answer: readonly Step[]): Status {
  const taken = s.current.log.slice(from).map((e) => e.step);
  if (taken.length === 0) return 'waiting';
  const matched = taken.every((t, i) => i >= answer.length || same(t, answer[i]!));
  if (!matched) return 'other';
  return taken.length >= answer.length ? 'done' : 'waiting';
}

const selectReplay = (s: AppData) => s.replay;
const selectLog = (s: AppData) => s.current.log;

/**
 * A task done on the graph itself ("click vm"). The tour watches the history: once the
 * reader's steps are the answer's, it shows what the engine did. "Do it for me" takes them.
 */
export function ActTask({ step, reload }: Props) {
  const store = useStoreApi();
  const from = step.history.length;
  const answer = step.answer.steps;
  const status = useAppStore((s) => actStatus(s, from, answer));
  const replay = useAppStore(selectReplay);
  const log = useAppStore(selectLog);
  const [done, setDone] = useState(false);
  if (step.task.kind !== 'act') return null;

  const doIt = () => {
    reload();
    for (const s of answer) store.getState().perform([s]);
    setDone(true);
  };
  const retry = () => {
    reload();
    setDone(false);
  };

  if (status === 'done') {
    const results = replay.log.slice(from, from + answer.length).map((e) => e.result);
    const observed = observe(replay.states[from + answer.length]!, results.at(-1) ?? null);
    return (
      <TourResult
        step={step}
        steps={answer}
        results={results}
        observed={observed}
        chosen={null}
        focus={done}
        onRetry={retry}
      />
    );
  }
  const other = status === 'other' ? log[from] : undefined;
  return (
    <>
      <p className="tour-ask" data-testid="tour-instruction">
        {step.task.instruction}
      </p>
      {other && (
        <p className="field-error" data-testid="tour-other">
          That was another step ({describeStep(other.step)}). Try this step again to start over.
        </p>
      )}
      <p className="tour-check">
        <button type="button" data-testid="tour-do" onClick={doIt}>
          Do it for me
        </button>
        {other && (
          <button type="button" onClick={retry}>
            Try this step again
          </button>
        )}
      </p>
    </>
  );
}
