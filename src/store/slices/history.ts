import type { StepResult } from '../../engine';
import { describeResult } from '../describe';
import { primaryAction } from '../intents';
import { currentAt, extend, truncate } from '../replay';
import { selectActiveHandle } from '../selectors';
import type { HistoryActions } from '../types';
import type { AppSlice } from './slice';

export const historySlice: AppSlice<HistoryActions> = (set, get) => ({
  perform: (steps) => {
    const s = get();
    let replay = truncate(s.replay, s.position);
    let handle = s.handle;
    const done: StepResult[] = [];
    const lines: string[] = [];
    for (const step of steps) {
      replay = extend(replay, [step]);
      const result = replay.log[replay.log.length - 1]!.result;
      done.push(result);
      lines.push(describeResult(step, result));
      if (result.result !== 'ok') break;
      // A new session fd becomes the one the session controls act on.
      if (step.op === 'createSession' || step.op === 'retrieveSession') handle = step.as;
    }
    const position = replay.log.length;
    set({
      actions: replay.log.map((e) => e.step),
      position,
      replay,
      current: currentAt(replay, position, s.current),
      handle,
      announcement: { seq: s.announcement.seq + 1, text: lines.join(' ') },
    });
    return done;
  },
  activate: (id) => {
    const s = get();
    s.select(id);
    const intent = primaryAction(s.current.state, id, selectActiveHandle(s));
    if (intent.kind === 'none') s.announce(`No primary action: ${intent.why}.`);
    else s.perform(intent.steps);
  },
});
