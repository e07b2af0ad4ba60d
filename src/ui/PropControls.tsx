import { ERRNO_NAMES, isErrno } from '../engine';
import type { FileId, PropSpec, PropValue } from '../engine';
import { selectProp } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

/** The file's properties: each change is a `set` step, recorded like any other. */
export function PropControls({ id, props }: { id: FileId; props: readonly PropSpec[] }) {
  return (
    <fieldset className="props">
      <legend>Properties</legend>
      {props.map((p) => (
        <PropControl key={p.name} id={id} spec={p} />
      ))}
    </fieldset>
  );
}

function PropControl({ id, spec }: { id: FileId; spec: PropSpec }) {
  const store = useStoreApi();
  const value = useAppStore(selectProp(id, spec.name));
  const set = (v: PropValue) =>
    store.getState().perform([{ op: 'set', file: id, prop: spec.name, value: v }]);
  const testid = `prop-${spec.name}`;
  const kind = spec.userspace ? 'userspace' : 'handler knob';
  if (spec.kind === 'boolean') {
    return (
      <label className="check">
        <input
          type="checkbox"
          data-testid={testid}
          checked={value === true}
          onChange={(e) => set(e.target.checked)}
        />
        <span>
          <code>{spec.name}</code>: {spec.label} <span className="muted">({kind})</span>
        </span>
      </label>
    );
  }
  return (
    <label>
      <span>
        <code>{spec.name}</code>: {spec.label} <span className="muted">({kind})</span>
      </span>
      <select
        data-testid={testid}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => set(isErrno(e.target.value) ? e.target.value : null)}
      >
        <option value="">none (succeeds)</option>
        {ERRNO_NAMES.map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </select>
    </label>
  );
}
