import type { FileId, FileType, PropName, PropValue, Step } from '../../engine';
import { modelOf } from '../../engine';
import { layoutScenario } from '../../layout';
import type { Scenario } from '../../scenarios';
import { validateTrace } from '../../trace/parse';
import { traceJson } from '../../trace/serialize';
import * as D from '../editorDraft';
import type { Draft, FieldProblem } from '../editorDraft';
import { currentAt, replayAll } from '../replay';
import type { AppData, AppState, HistoryActions } from '../types';
import { TRACE_SCENARIO_ID } from '../work';
import type { AppSlice } from './slice';

/** The part of the work a scenario edit changes, and undo brings back. */
export interface Snapshot {
  scenario: Scenario;
  actions: readonly Step[];
  position: number;
}

/** One scenario edit: what it did, the work before and after. */
export interface EditEntry {
  label: string;
  /** Consecutive edits with the same key (typing one id) are one entry. */
  merge: string | null;
  before: Snapshot;
  after: Snapshot;
}

export interface EditorState {
  open: boolean;
  draft: Draft;
  /** The scenario the draft belongs to; when the open scenario is another, the draft is stale. */
  base: Scenario;
  problems: readonly FieldProblem[];
  past: readonly EditEntry[];
  future: readonly EditEntry[];
}

export interface EditorData {
  editor: EditorState;
}

export interface EditorActions {
  setEditorOpen(open: boolean): void;
  editAddFile(type: FileType): void;
  editRemoveFile(key: number): void;
  editRenameFile(key: number, id: string): void;
  editSetType(key: number, type: FileType): void;
  editSetDeps(key: number, deps: readonly number[]): void;
  editSetProp(key: number, name: PropName, value: PropValue): void;
  editSetTitle(title: string): void;
  /** Starts from a scenario with no files. */
  editClear(): void;
  /** Reverts the last scenario edit if it is the last thing done; `false` when it is not. */
  undoEdit(): boolean;
  redoEdit(): boolean;
}

const UNTITLED = 'Untitled scenario';
const say = (s: AppData, text: string) => ({ seq: s.announcement.seq + 1, text });

export function initialEditorData(scenario: Scenario): EditorData {
  return {
    editor: {
      open: false,
      draft: D.draftOf(scenario),
      base: scenario,
      problems: [],
      past: [],
      future: [],
    },
  };
}

/** The draft being edited: the stored one, or the open scenario's when that changed since. */
export function currentDraft(s: AppData): Draft {
  return s.editor.base === s.scenario ? s.editor.draft : D.draftOf(s.scenario);
}

const snapshot = (s: AppData): Snapshot => ({
  scenario: s.scenario,
  actions: s.actions,
  position: s.position,
});

/** Whether the work shown is exactly this snapshot (the same steps up to the position). */
export function isAt(s: AppData, snap: Snapshot): boolean {
  return (
    s.scenario === snap.scenario &&
    s.position === snap.position &&
    snap.actions.slice(0, snap.position).every((a, i) => s.actions[i] === a)
  );
}

/** The store data that shows a snapshot under the current variant and switches. */
function show(s: AppData, snap: Snapshot): Partial<AppData> {
  const replay = replayAll(snap.scenario.files, s.switches, snap.actions, modelOf(s.kernel));
  const ids = new Set<string>(snap.scenario.files.map((f) => f.id));
  return {
    scenario: snap.scenario,
    layout: layoutScenario(snap.scenario.files),
    actions: snap.actions,
    position: snap.position,
    replay,
    current: currentAt(replay, snap.position),
    selected: s.selected !== null && ids.has(s.selected) ? s.selected : null,
    handle: null,
  };
}

/**
 * The history carried over to new files: renamed ids follow, and when a step no longer fits
 * (it names a removed file, or a property the new type lacks) the history starts afresh.
 */
function carry(s: AppData, scenario: Scenario, renames: Map<FileId, FileId>) {
  const actions = s.actions.map((a) =>
    (a.op === 'preserve' || a.op === 'set') && renames.has(a.file)
      ? { ...a, file: renames.get(a.file)! }
      : a,
  );
  if (actions.length === 0) return { actions, position: 0, dropped: null };
  const doc = {
    variant: s.variant,
    switches: s.overrides,
    files: [...scenario.files],
    steps: actions,
  };
  const checked = validateTrace(traceJson(doc));
  if (checked.ok) return { actions, position: s.position, dropped: null };
  return { actions: [] as Step[], position: 0, dropped: checked.error };
}

const filesJson = (files: Scenario['files']) =>
  JSON.stringify(traceJson({ variant: 'A', switches: {}, files: [...files], steps: [] }).files);

function describe(files: Scenario['files']): string {
  const n = files.length;
  const ids = n ? `: ${files.map((f) => f.id).join(', ')}` : '';
  return `Made in the scenario editor, ${n} file${n === 1 ? '' : 's'}${ids}.`;
}

/**
 * An edit of the draft. A draft the validator accepts becomes the open scenario at once, as one
 * undoable entry; one it refuses stays a draft, its problems shown beside their fields.
 */
function edit(s: AppState, next: Draft, label: string, merge: string | null): Partial<AppData> {
  const problems = D.draftProblems(next);
  if (problems.length) {
    return { editor: { ...s.editor, draft: next, base: s.scenario, problems } };
  }
  const files = D.draftFiles(next);
  const title = next.title.trim() || UNTITLED;
  // A change that comes back to the scenario as it is (a list set to its value) is no edit.
  if (title === s.scenario.title && filesJson(files) === filesJson(s.scenario.files)) {
    return { editor: { ...s.editor, draft: next, base: s.scenario, problems: [] } };
  }
  const scenario: Scenario = {
    id: TRACE_SCENARIO_ID,
    title,
    description: describe(files),
    files,
  };
  const { renames } = D.idChanges(next, s.scenario);
  const carried = carry(s, scenario, renames);
  const after: Snapshot = { scenario, actions: carried.actions, position: carried.position };
  const top = s.editor.past[s.editor.past.length - 1];
  const merged = merge !== null && top?.merge === merge && isAt(s, top.after);
  const past = merged
    ? [...s.editor.past.slice(0, -1), { ...top, after }]
    : [...s.editor.past, { label, merge, before: snapshot(s), after }];
  const text = carried.dropped
    ? `Scenario edited (${label}). The history no longer fits it (${carried.dropped}): it starts afresh; undo brings it back.`
    : merge === null
      ? `Scenario edited: ${label}.`
      : null;
  return {
    ...show(s, after),
    editor: { ...s.editor, draft: D.rebase(next), base: scenario, problems: [], past, future: [] },
    ...(text === null ? {} : { announcement: say(s, text) }),
  };
}

const fileName = (s: AppData, key: number) =>
  currentDraft(s).files.find((f) => f.key === key)?.id || 'a file';

export const editorSlice =
  (
    history: Pick<HistoryActions, 'undo' | 'redo'>,
  ): AppSlice<EditorActions & Pick<HistoryActions, 'undo' | 'redo'>> =>
  (set, get) => {
    const change = (
      make: (d: Draft, s: AppState) => Draft,
      label: string,
      merge: string | null = null,
    ) => {
      const s = get();
      set(edit(s, make(currentDraft(s), s), label, merge));
    };
    const undoEdit = () => {
      const s = get();
      const top = s.editor.past[s.editor.past.length - 1];
      if (!top || !isAt(s, top.after)) return false;
      const now = snapshot(s);
      set({
        ...show(s, top.before),
        editor: {
          ...s.editor,
          past: s.editor.past.slice(0, -1),
          future: [...s.editor.future, { ...top, after: now }],
        },
        announcement: say(s, `Undid the scenario edit: ${top.label}.`),
      });
      return true;
    };
    const redoEdit = () => {
      const s = get();
      const next = s.editor.future[s.editor.future.length - 1];
      if (!next || !isAt(s, next.before)) return false;
      set({
        ...show(s, next.after),
        editor: {
          ...s.editor,
          past: [...s.editor.past, next],
          future: s.editor.future.slice(0, -1),
        },
        announcement: say(s, `Redid the scenario edit: ${next.label}.`),
      });
      return true;
    };
    return {
      setEditorOpen: (open) => set((s) => ({ editor: { ...s.editor, open } })),
      editAddFile: (type) => change((d) => D.addFile(d, type), `added a ${type}`),
      editRemoveFile: (key) => {
        const name = fileName(get(), key);
        change((d) => D.removeFile(d, key), `removed ${name}`);
      },
      editRenameFile: (key, id) =>
        change((d) => D.renameFile(d, key, id), `renamed ${fileName(get(), key)}`, `id:${key}`),
      editSetType: (key, type) =>
        change((d) => D.setType(d, key, type), `${fileName(get(), key)} is now a ${type}`),
      editSetDeps: (key, deps) =>
        change((d) => D.setDeps(d, key, deps), `changed what ${fileName(get(), key)} depends on`),
      editSetProp: (key, name, value) =>
        change(
          (d) => D.setProp(d, key, name, value),
          `set ${fileName(get(), key)}.${name} to ${JSON.stringify(value)}`,
        ),
      editSetTitle: (title) => change((d) => D.setTitle(d, title), 'renamed the scenario', 'title'),
      editClear: () => change((d) => D.emptyDraft(d), 'started from an empty scenario'),
      undoEdit,
      redoEdit,
      // Ctrl+Z and the history's buttons revert a scenario edit when it is the last thing done.
      undo: () => {
        if (!undoEdit()) history.undo();
      },
      redo: () => {
        if (!redoEdit()) history.redo();
      },
    };
  };
