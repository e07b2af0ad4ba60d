import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { LIST_WINDOW, selectAllSteps, selectPosition } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';
import { StepButton } from './StepButton';
import { stepKeyTarget } from './stepKeys';

/** The steps listed: all of them, or LIST_WINDOW around the position in a long history. */
export function stepWindow(position: number, total: number): [from: number, to: number] {
  if (total <= LIST_WINDOW) return [0, total];
  const from = Math.max(0, Math.min(position - LIST_WINDOW / 2, total - LIST_WINDOW));
  return [from, from + LIST_WINDOW];
}

/**
 * Every step, those after the position (redo brings them back) dimmed. A click jumps there.
 * One Tab stop: the current step; arrow keys, Home and End move the position and the focus.
 * A long history lists the LIST_WINDOW steps around the position, and says how many it skips.
 */
export function StepList() {
  const store = useStoreApi();
  const steps = useAppStore(selectAllSteps);
  const position = useAppStore(selectPosition);
  const listRef = useRef<HTMLOListElement>(null);
  const moved = useRef(false);
  const [from, to] = stepWindow(position, steps.length);
  const shown = useMemo(() => steps.slice(from, to), [steps, from, to]);

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
      {from === 0 ? (
        <StepButton position={0} current={position === 0} future={false} entry={null} />
      ) : (
        <li className="muted" data-testid="history-window">
          {from.toLocaleString('en-US')} earlier steps not listed (Home goes to the start)
        </li>
      )}
      {shown.map((e) => (
        <StepButton
          key={e.index}
          position={e.index + 1}
          current={position === e.index + 1}
          future={e.index >= position}
          entry={e}
        />
      ))}
      {to < steps.length && (
        <li className="muted" data-testid="history-window">
          {(steps.length - to).toLocaleString('en-US')} later steps not listed (End goes to the
          last)
        </li>
      )}
    </ol>
  );
}
