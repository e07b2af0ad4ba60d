import type { Switches } from '../engine';
import { selectOverrides, selectSwitches } from '../store';
import { useAppStore, useStoreApi } from './storeContext';
import { SWITCH_CONTROLS } from './switchControls';
import type { SwitchControl } from './switchControls';

/** "Advanced switches": every switch of SEMANTICS §4.1 over the variant's preset. */
export function SwitchPanel() {
  const store = useStoreApi();
  const switches = useAppStore(selectSwitches);
  const overrides = useAppStore(selectOverrides);
  const changed = Object.keys(overrides).length;
  const set = (c: SwitchControl, t: string) =>
    store.getState().setSwitch(c.name, c.decode(t) as Switches[typeof c.name]);
  return (
    <details className="switches" data-testid="switches">
      <summary>
        Advanced switches{changed > 0 ? ` (${changed} changed from the variant)` : ''}
      </summary>
      <div className="switch-list">
        {SWITCH_CONTROLS.map((c) => {
          const value = c.encode(switches[c.name]);
          const mark = c.name in overrides ? ' (changed)' : '';
          return c.options ? (
            <label key={c.name}>
              <span>
                <code>{c.name}</code>: {c.label}
                {mark}
              </span>
              <select
                data-testid={`switch-${c.name}`}
                value={value}
                onChange={(e) => set(c, e.target.value)}
              >
                {c.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label key={c.name} className="check">
              <input
                type="checkbox"
                data-testid={`switch-${c.name}`}
                checked={value === 'true'}
                onChange={(e) => set(c, String(e.target.checked))}
              />
              <span>
                <code>{c.name}</code>: {c.label}
                {mark}
              </span>
            </label>
          );
        })}
        <button type="button" onClick={() => store.getState().resetSwitches()} disabled={!changed}>
          Reset to the variant's switches
        </button>
      </div>
    </details>
  );
}
