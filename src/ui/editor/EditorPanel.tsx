import { useEffect, useRef, useState } from 'react';
import { FILE_TYPES } from '../../engine';
import type { FileType } from '../../engine';
import {
  selectCanRedoEdit,
  selectCanUndoEdit,
  selectDraft,
  selectDraftProblems,
} from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';
import { FieldError } from './FieldError';
import { FileRow } from './FileRow';
import { useFieldAria } from './useFieldAria';
import './editor.css';

/**
 * The scenario editor. Each change is checked by the trace validator as the document it would
 * make; an accepted draft becomes the open scenario at once (one undoable edit, the history
 * replayed over it), a refused one shows the problems beside their fields and waits.
 */
export default function EditorPanel() {
  const store = useStoreApi();
  const draft = useAppStore(selectDraft);
  const problems = useAppStore(selectDraftProblems);
  const canUndo = useAppStore(selectCanUndoEdit);
  const canRedo = useAppStore(selectCanRedoEdit);
  const [type, setType] = useState<FileType>('memfd');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleAria = useFieldAria(null, 'title');
  useEffect(() => headingRef.current?.focus(), []);

  const valid = problems.length === 0;
  const s = () => store.getState();
  return (
    <section
      id="scenario-editor"
      className="editor panel"
      aria-labelledby="editor-title"
      data-testid="editor"
    >
      <h2 id="editor-title" ref={headingRef} tabIndex={-1}>
        Scenario editor
      </h2>
      <p className="muted editor-help">
        Changes the trace validator accepts apply at once and replay the history; undo reverts them.
        The edited scenario is saved and shared with the work.
      </p>
      <p
        className={valid ? 'editor-status' : 'editor-status field-error'}
        data-testid="editor-status"
        data-valid={String(valid)}
        data-problems={problems.length}
        role="status"
      >
        {valid
          ? 'Applied: the graph shows this scenario.'
          : `${problems.length} problem${problems.length === 1 ? '' : 's'}: the graph keeps the last valid scenario until they are fixed.`}
      </p>
      <div className="editor-actions">
        <button
          type="button"
          data-testid="editor-undo"
          aria-disabled={!canUndo}
          onClick={() => canUndo && s().undoEdit()}
        >
          Undo edit
        </button>
        <button
          type="button"
          data-testid="editor-redo"
          aria-disabled={!canRedo}
          onClick={() => canRedo && s().redoEdit()}
        >
          Redo edit
        </button>
        <button type="button" data-testid="editor-clear" onClick={() => s().editClear()}>
          Start from an empty scenario
        </button>
      </div>
      <label className="editor-title">
        Title
        <input
          data-testid="editor-title-input"
          value={draft.title}
          onChange={(e) => s().editSetTitle(e.target.value)}
          {...titleAria}
        />
      </label>
      <FieldError fileKey={null} field="title" />
      <div className="editor-add">
        <label>
          New file of type
          <select
            data-testid="editor-add-type"
            value={type}
            onChange={(e) => setType(e.target.value as FileType)}
          >
            {FILE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="editor-add" onClick={() => s().editAddFile(type)}>
          Add file
        </button>
      </div>
      {draft.files.length === 0 ? (
        <p className="muted">No files yet: add one above.</p>
      ) : (
        <ul className="editor-files" aria-label="Files">
          {draft.files.map((f) => (
            <FileRow key={f.key} file={f} />
          ))}
        </ul>
      )}
      <FieldError fileKey={null} field="document" />
      <button type="button" onClick={() => s().setEditorOpen(false)}>
        Close the editor
      </button>
    </section>
  );
}
