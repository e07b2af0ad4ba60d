import { DEFAULT_TREE, modelOf, resolveSwitches } from '../../engine';
import type { FileId, Step, StepResult } from '../../engine';
import { layoutScenario } from '../../layout';
import { describeResult, describeStep } from '../describe';
import { primaryAction } from '../intents';
import { currentAt, extend, replayAll, truncate } from '../replay';
import type { Replay } from '../replay';
import { replayThen } from '../replayJob';
import { selectActiveHandle } from '../selectors';
import type { AppData, HistoryActions } from '../types';
import type { Work } from '../work';
import { openedText, workOfTrace } from '../work';
import { correctionsOf } from '../../trace/corrections';
import type { AppSlice } from './slice';

const say = (s: AppData, text: string) => ({ seq: s.announcement.seq + 1, text });

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
    announcement: say(s, lines.join(' ')),
    // Actions after the position were replaced: their correction marks go with them.
    corrected: Object.fromEntries(
      Object.entries(s.corrected).filter(([i]) => Number(i) < s.position),
    ),
  };
  return [patch, done];
}

/** What a screen reader hears after a move in the history. */
function moveText(s: AppData, to: number): string {
  const total = s.actions.length;
  const at = `At step ${to} of ${total}.`;
  if (to === s.position - 1)
    return `Undid step ${s.position}: ${describeStep(s.actions[to]!)}. ${at}`;
  if (to === s.position + 1) {
    const e = s.replay.log[s.position]!;
    return `Redid step ${to}: ${describeResult(e.step, e.result)} ${at}`;
  }
  return at;
}

/** Shows the state after the first `to` actions; the others stay until a new action. */
function moveTo(s: AppData, to: number): Partial<AppData> {
  const total = s.actions.length;
  if (to < 0) return { announcement: say(s, 'Nothing to undo: at the start.') };
  if (to > total) return { announcement: say(s, 'Nothing to redo: at the last step.') };
  if (to === s.position) return {};
  return {
    position: to,
    current: currentAt(s.replay, to, s.current),
    announcement: say(s, moveText(s, to)),
  };
}

/** The fields of the data that a work (scenario, variant, history) determines. */
type WorkData = Pick<
  AppData,
  | 'scenario'
  | 'layout'
  | 'kernel'
  | 'variant'
  | 'overrides'
  | 'switches'
  | 'actions'
  | 'position'
  | 'replay'
  | 'current'
  | 'corrected'
  | 'selected'
  | 'handle'
>;

/** The data of a work opened afresh (a trace, saved work, the store's first state). */
export function workData(work: Work, replayed?: Replay): WorkData {
  const { scenario, variant, overrides, actions } = work;
  const kernel = work.kernel ?? DEFAULT_TREE;
  const switches = resolveSwitches(variant, overrides, kernel);
  const replay = replayed ?? replayAll(scenario.files, switches, actions, modelOf(kernel));
  const position = Math.max(0, Math.min(work.position, actions.length));
  return {
    scenario,
    layout: layoutScenario(scenario.files),
    kernel,
    variant,
    overrides,
    switches,
    actions,
    position,
    replay,
    current: currentAt(replay, position),
    corrected: {},
    selected: null,
    handle: null,
  };
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
      set({ selected: id, announcement: say(s, text) });
    } else set({ selected: id, ...run(s, intent.steps)[0] });
  },
  undo: () => set((s) => moveTo(s, s.position - 1)),
  redo: () => set((s) => moveTo(s, s.position + 1)),
  jumpTo: (position) => set((s) => moveTo(s, Math.max(0, Math.min(position, s.actions.length)))),
  openWork: (work, text, notice = null, corrected = {}) => {
    const kernel = work.kernel ?? DEFAULT_TREE;
    const input = {
      files: work.scenario.files,
      switches: resolveSwitches(work.variant, work.overrides, kernel),
      actions: work.actions,
      model: modelOf(kernel),
    };
    const what = `${work.actions.length.toLocaleString('en-US')} steps`;
    return replayThen(set, get, what, input, (replay) => {
      const opened =
        typeof corrected === 'function' ? corrected(replay) : { notice, marks: corrected };
      return {
        ...workData(work, replay),
        corrected: opened.marks,
        notice: opened.notice,
        announcement: say(get(), text),
      };
    });
  },
  openTrace: (doc, from) =>
    get().openWork(workOfTrace(doc), openedText(doc, from), null, (replay) =>
      correctionsOf(
        doc,
        replay.log.map((e) => e.result.result),
      ),
    ),
});
