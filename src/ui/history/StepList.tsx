import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { selectAllSteps, selectPosition } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';
import { StepButton } from './StepButton';
import { stepKeyTarget } from './stepKeys';

/**
 * Every step, those after the position (redo brings them back) dimmed. A click jumps there.
 * One Tab stop: the current step; arrow keys, Home and End move the position and the focus.
 */
export function StepList() {
  const store = useStoreApi();
  const steps = useAppStore(selectAllSteps);
  const position = useAppStore(selectPosition);
  const listRef = useRef<HTMLOListElement>(null);
  const moved = useRef(false);

  // After a key press in the list, the focus follows the position.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    listRef.current?.querySelector<HTMLButtonElement>('[aria-current="step"]')?.focus();
  }, [position]);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const to = stepKeyTarget(e.key, position, steps.length);
    if (to === null) return;
    e.preventDefault();
    if (to < 0 || to > steps.length) return;
    moved.current = true;
    store.getState().jumpTo(to);
  };

  return (
    <ol
      ref={listRef}
      className="step-list"
      aria-label="Steps: a click shows the state after that step"
      data-testid="history-steps"
      onKeyDown={onKeyDown}
    >
      <StepButton position={0} current={position === 0} future={false} entry={null} />
      {steps.map((e) => (
        <StepButton
          key={e.index}
          position={e.index + 1}
          current={position === e.index + 1}
          future={e.index >= position}
          entry={e}
        />
      ))}
    </ol>
  );
}
