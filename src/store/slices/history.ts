import type { FileId, Step, StepResult } from '../../engine';
import { describeResult } from '../describe';
import { primaryAction } from '../intents';
import { currentAt, extend, truncate } from '../replay';
import { selectActiveHandle } from '../selectors';
import type { AppData, HistoryActions } from '../types';
import type { AppSlice } from './slice';

/** Runs steps at the position, stopping after the first refusal: the data to set, and results. */
function run(s: AppData, steps: readonly Step[]): [Partial<AppData>, StepResult[]] {
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
  const patch: Partial<AppData> = {
    actions: replay.log.map((e) => e.step),
    position,
    replay,
    current: currentAt(replay, position, s.current),
    handle,
    announcement: { seq: s.announcement.seq + 1, text: lines.join(' ') },
  };
  return [patch, done];
}

export const historySlice: AppSlice<HistoryActions> = (set, get) => ({
  perform: (steps) => {
    const [patch, done] = run(get(), steps);
    set(patch);
    return done;
  },
  activate: (id: FileId) => {
    const s = get();
    const intent = primaryAction(s.current.state, id, selectActiveHandle(s));
    // One update for the selection and the steps: subscribers are notified once per click.
    if (intent.kind === 'none') {
      const text = `No primary action: ${intent.why}.`;
      set({ selected: id, announcement: { seq: s.announcement.seq + 1, text } });
    } else set({ selected: id, ...run(s, intent.steps)[0] });
  },
});
