import { useMemo } from 'react';
import { layoutTimeline } from '../../layout/timeline';
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

/** The main history's timeline (computed once per history, not per position). */
export function useTimeline() {
  const store = useStoreApi();
  const files = useAppStore(selectFiles);
  const replay = useAppStore(selectReplay);
  const position = useAppStore(selectPositionNow);
  const geometry = useMemo(
    () => layoutTimeline({ files, states: replay.states, log: replay.log }),
    [files, replay],
  );
  const valueText = stepText(position, replay.log.length, replay.log[position - 1]);
  const onJump = (p: number) => store.getState().jumpTo(p);
  return { geometry, position, onJump, valueText, log: replay.log };
}
