import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { MAX_RUN_BYTES } from '../../trace/conform/types';
import type { RunInput } from '../../trace/conform/types';
import { useStoreApi } from '../storeContext';
import { importRun } from './importRun';
import './conform.css';

/**
 * "Import a kernel run": the reproducer's output pasted, picked (one or several files, every
 * stage) or dropped on the dialog. A refusal is shown here with the line it names; the open
 * work is not touched.
 */
export default function ImportRunDialog({ onClose }: { onClose: () => void }) {
  const store = useStoreApi();
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);

  const submit = (inputs: RunInput[]) => {
    const refused = importRun(store, inputs);
    setError(refused);
    if (refused === null) ref.current?.close();
    else store.getState().announce(`The kernel run was refused: ${refused}`);
  };
  const readFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const inputs: RunInput[] = [];
    for (const f of Array.from(files)) {
      if (f.size > MAX_RUN_BYTES) {
        setError(`${f.name}: ${f.size} bytes; at most ${MAX_RUN_BYTES} are read`);
        return;
      }
      inputs.push({ name: f.name, text: await f.text() });
    }
    submit(inputs);
  };
  const stop = (e: DragEvent) => {
    // The page opens dropped traces; a run dropped here is this dialog's.
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <dialog
      ref={ref}
      className="export-dialog import-run"
      aria-labelledby="import-run-title"
      data-testid="import-run-dialog"
      onClose={onClose}
      onDragEnter={(e) => {
        stop(e);
        setOver(true);
      }}
      onDragOver={stop}
      onDragLeave={(e) => {
        stop(e);
        setOver(false);
      }}
      onDrop={(e) => {
        stop(e);
        setOver(false);
        void readFiles(e.dataTransfer.files);
      }}
      data-over={String(over)}
    >
      <h2 id="import-run-title">Import a kernel run</h2>
      <p className="muted" id="import-run-hint">
        Paste what the C reproducer printed in each boot (every stage, in any order), pick the
        files, or drop them here. Its lines are matched to the steps of the open work by the trace
        hash they name.
      </p>
      <textarea
        rows={14}
        cols={76}
        spellCheck={false}
        aria-labelledby="import-run-title"
        aria-describedby="import-run-hint"
        data-testid="import-run-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error !== null && (
        <p className="import-run-error" role="alert" data-testid="import-run-error">
          Refused: {error}. The open work stays as it was.
        </p>
      )}
      <div className="dialog-buttons">
        <button
          type="button"
          data-testid="import-run-paste"
          disabled={text.trim() === ''}
          onClick={() => submit([{ name: 'pasted text', text }])}
        >
          Import pasted text
        </button>
        <label className="file-button">
          Choose files…
          <input
            type="file"
            multiple
            className="sr-only"
            accept=".txt,.tap,.log,text/plain"
            data-testid="import-run-files"
            onChange={(e) => {
              const files = e.target.files;
              void readFiles(files).then(() => (e.target.value = ''));
            }}
          />
        </label>
        <button type="button" data-testid="import-run-close" onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
