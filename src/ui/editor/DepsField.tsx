import type { DraftFile } from '../../store';
import { allowedTargets, depRule, selectDraft } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';
import { FieldError } from './FieldError';
import { useFieldAria } from './useFieldAria';

const name = (f: DraftFile) => `${f.id || '(no id)'} (${f.type})`;

/**
 * What a file depends on, offering only what its type may depend on: a list for "exactly one"
 * or "at most one", boxes to tick for "one or more" and "any". A dependency that no longer
 * fits (its target changed type) stays listed, marked, so it can be taken off.
 */
export function DepsField({ file }: { file: DraftFile }) {
  const store = useStoreApi();
  const draft = useAppStore(selectDraft);
  const rule = depRule(file.type);
  const hintId = `editor-hint-${file.key}-deps`;
  const aria = useFieldAria(file.key, 'deps', hintId);
  if (rule.max === 0) {
    return (
      <p className="muted editor-deps" id={hintId}>
        A {file.type} takes no dependencies.
      </p>
    );
  }
  const targets = allowedTargets(draft, file.key);
  const stray = draft.files.filter((f) => file.deps.includes(f.key) && !targets.includes(f));
  const set = (deps: number[]) => store.getState().editSetDeps(file.key, deps);
  const none = targets.length === 0 && rule.min > 0;
  const hint = (
    <span id={hintId} className="muted">
      {file.type} takes {rule.text}
      {none ? `; add a ${rule.types === 'any' ? 'file' : rule.types.join(' or ')} first` : ''}.
    </span>
  );

  if (rule.max === 1) {
    const value = file.deps[0];
    return (
      <div className="editor-deps">
        <label>
          Depends on
          <select
            data-testid="editor-deps"
            value={value === undefined ? '' : String(value)}
            onChange={(e) => set(e.target.value === '' ? [] : [Number(e.target.value)])}
            {...aria}
          >
            {(rule.min === 0 || value === undefined) && <option value="">(nothing)</option>}
            {targets.map((t) => (
              <option key={t.key} value={t.key}>
                {name(t)}
              </option>
            ))}
            {stray.map((t) => (
              <option key={t.key} value={t.key}>
                {name(t)}, not allowed
              </option>
            ))}
          </select>
        </label>
        {hint}
        <FieldError fileKey={file.key} field="deps" />
      </div>
    );
  }
  return (
    <fieldset className="editor-deps" data-testid="editor-deps">
      <legend>Depends on</legend>
      {[...targets, ...stray].map((t) => (
        <label key={t.key} className="check">
          <input
            type="checkbox"
            checked={file.deps.includes(t.key)}
            {...aria}
            onChange={(e) =>
              set(e.target.checked ? [...file.deps, t.key] : file.deps.filter((k) => k !== t.key))
            }
          />
          <span>
            {name(t)}
            {stray.includes(t) ? ', not allowed' : ''}
          </span>
        </label>
      ))}
      {hint}
      <FieldError fileKey={file.key} field="deps" />
    </fieldset>
  );
}
