/** Named selectors of the scenario editor; each returns a stable value. */
import type { DraftField, FieldProblem } from './editorDraft';
import { currentDraft, isAt } from './slices/editor';
import type { AppData } from './types';

const NONE: readonly FieldProblem[] = [];

export const selectEditorOpen = (s: AppData) => s.editor.open;
/** The draft shown: the one being edited, or the open scenario's (cached per scenario). */
export const selectDraft = (s: AppData) => currentDraft(s);
/** The validator's problems with the draft (none when the draft is the open scenario). */
export const selectDraftProblems = (s: AppData) =>
  s.editor.base === s.scenario ? s.editor.problems : NONE;
export const selectDraftApplied = (s: AppData) => selectDraftProblems(s).length === 0;

/** The messages about one field of one file (or of the title), as one string. */
export const selectFieldMessage =
  (key: number | null, field: DraftField) =>
  (s: AppData): string =>
    selectDraftProblems(s)
      .filter((p) => p.key === key && p.field === field)
      .map((p) => p.message)
      .join('; ');

export const selectCanUndoEdit = (s: AppData) => {
  const top = s.editor.past[s.editor.past.length - 1];
  return top !== undefined && isAt(s, top.after);
};
export const selectCanRedoEdit = (s: AppData) => {
  const next = s.editor.future[s.editor.future.length - 1];
  return next !== undefined && isAt(s, next.before);
};
