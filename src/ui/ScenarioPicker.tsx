import { PRESETS, findScenario } from '../scenarios';
import { selectScenario } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

/** The preset scenarios; picking one starts a new history. */
export function ScenarioPicker() {
  const store = useStoreApi();
  const scenario = useAppStore(selectScenario);
  const listed = PRESETS.some((p) => p.id === scenario.id);
  return (
    <div className="scenario-picker">
      <label htmlFor="scenario">Scenario</label>
      <select
        id="scenario"
        data-testid="scenario"
        value={scenario.id}
        aria-describedby="scenario-description"
        onChange={(e) => {
          const next = findScenario(e.target.value);
          if (next) store.getState().loadScenario(next);
        }}
      >
        {!listed && <option value={scenario.id}>{scenario.title}</option>}
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id}: {p.title}
          </option>
        ))}
      </select>
      <p id="scenario-description" className="muted">
        {scenario.description}
      </p>
    </div>
  );
}
