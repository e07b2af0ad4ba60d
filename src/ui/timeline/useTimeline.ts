import { useMemo } from 'react';
import { TIMELINE_MAX_STEPS, layoutTimeline } from '../../layout/timeline';
import type { AppData } from '../../store';
import { describeStep } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';

const selectFiles = (s: AppData) => s.scenario.files;
const selectReplay = (s: AppData) => s.replay;
const selectPositionNow = (s: AppData) => s.position;

/** "Step 7 of 7: finish vmm@1, ok" (the slider's value in words). */
export function stepText(
  position: number,
  total: number,
  entry?: { step: Parameters<typeof describeStep>[0]; result: { result: string } },
): string {
  if (position === 0 || !entry) return `Start, before step 1 of ${total}`;
  return `Step ${position} of ${total}: ${describeStep(entry.step)}, ${entry.result.result}`;
}

/** What the timeline views say instead of a chart for a history past TIMELINE_MAX_STEPS. */
export function tooLongText(steps: number): string {
  return (
    `The timeline draws histories of up to ${TIMELINE_MAX_STEPS.toLocaleString('en-US')} steps; ` +
    `this one has ${steps.toLocaleString('en-US')}. The log and the history list show the steps around the position.`
  );
}

/**
 * The main history's timeline (computed once per history, not per position); none past
 * TIMELINE_MAX_STEPS (`tooLong`).
 */
export function useTimeline() {
  const store = useStoreApi();
  const files = useAppStore(selectFiles);
  const replay = useAppStore(selectReplay);
  const position = useAppStore(selectPositionNow);
  const tooLong = replay.log.length > TIMELINE_MAX_STEPS;
  const geometry = useMemo(
    () =>
      layoutTimeline({
        files,
        states: tooLong ? replay.states.slice(0, 1) : replay.states,
        log: tooLong ? [] : replay.log,
      }),
    [files, replay, tooLong],
  );
  const valueText = stepText(position, replay.log.length, replay.log[position - 1]);
  const onJump = (p: number) => store.getState().jumpTo(p);
  return { geometry, position, onJump, valueText, log: replay.log, tooLong };
}
