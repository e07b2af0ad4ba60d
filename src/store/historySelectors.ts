/** Named selectors of the history: where the position is, and every step (redoable included). */
import { selectCanRedoEdit, selectCanUndoEdit } from './editorSelectors';
import type { AppData } from './types';

export const selectPosition = (s: AppData) => s.position;
export const selectStepCount = (s: AppData) => s.actions.length;
/** Undo and redo also revert and redo a scenario edit when it is the last thing done. */
export const selectCanUndo = (s: AppData) => s.position > 0 || selectCanUndoEdit(s);
export const selectCanRedo = (s: AppData) => s.position < s.actions.length || selectCanRedoEdit(s);
/** Every action with its result, those after the position included (they can be redone). */
export const selectAllSteps = (s: AppData) => s.replay.log;
