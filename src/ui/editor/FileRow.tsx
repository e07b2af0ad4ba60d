import { FILE_TYPES } from '../../engine';
import type { FileType } from '../../engine';
import type { DraftFile } from '../../store';
import { useStoreApi } from '../storeContext';
import { DepsField } from './DepsField';
import { FieldError } from './FieldError';
import { PropFields } from './PropFields';
import { useFieldAria } from './useFieldAria';

/** One file of the draft: its id, type, dependencies and properties, each with its message. */
export function FileRow({ file }: { file: DraftFile }) {
  const store = useStoreApi();
  const idAria = useFieldAria(file.key, 'id');
  const typeAria = useFieldAria(file.key, 'type');
  const label = file.id || '(no id)';
  return (
    <li className="editor-file" data-testid="editor-file" data-id={file.id}>
      <fieldset>
        <legend>
          {label} <span className="muted">{file.type}</span>
        </legend>
        <div className="editor-row">
          <label>
            Id
            <input
              data-testid="editor-id"
              value={file.id}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => store.getState().editRenameFile(file.key, e.target.value)}
              {...idAria}
            />
          </label>
          <label>
            Type
            <select
              data-testid="editor-type"
              value={file.type}
              onChange={(e) => store.getState().editSetType(file.key, e.target.value as FileType)}
              {...typeAria}
            >
              {FILE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-testid="editor-remove"
            aria-label={`Remove ${label}`}
            onClick={() => store.getState().editRemoveFile(file.key)}
          >
            Remove
          </button>
        </div>
        <FieldError fileKey={file.key} field="id" />
        <FieldError fileKey={file.key} field="type" />
        <DepsField file={file} />
        <PropFields file={file} />
        <FieldError fileKey={file.key} field="file" />
      </fieldset>
    </li>
  );
}
