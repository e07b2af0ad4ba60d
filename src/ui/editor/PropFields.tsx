import { ERRNO_NAMES } from '../../engine';
import type { Errno } from '../../engine';
import type { DraftFile } from '../../store';
import { propSpecs } from '../../store';
import { useStoreApi } from '../storeContext';
import { FieldError } from './FieldError';

/** The properties of a file's type with their values in the scenario (defaults unless set). */
export function PropFields({ file }: { file: DraftFile }) {
  const store = useStoreApi();
  const specs = propSpecs(file.type);
  if (specs.length === 0) return null;
  return (
    <div className="editor-props">
      {specs.map((p) => {
        const value = file.props[p.name] ?? p.default;
        const set = (v: boolean | Errno | null) =>
          store.getState().editSetProp(file.key, p.name, v);
        return (
          <div key={p.name}>
            {p.kind === 'boolean' ? (
              <label className="check">
                <input
                  type="checkbox"
                  data-testid={`editor-prop-${p.name}`}
                  checked={value === true}
                  onChange={(e) => set(e.target.checked)}
                />
                <span>
                  {p.label} <code>{p.name}</code>
                </span>
              </label>
            ) : (
              <label>
                <span>
                  {p.label} <code>{p.name}</code>
                </span>
                <select
                  data-testid={`editor-prop-${p.name}`}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => set(e.target.value === '' ? null : (e.target.value as Errno))}
                >
                  <option value="">none</option>
                  {ERRNO_NAMES.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <FieldError fileKey={file.key} field={p.name} />
          </div>
        );
      })}
    </div>
  );
}
