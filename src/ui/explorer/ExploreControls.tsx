import { VARIANTS } from '../../engine';
import { selectExploreStatus, selectExploreVariants } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';
import { VARIANT_INFO } from '../variants';

/** The variants to explore, Run and Cancel. */
export function ExploreControls({ blocked }: { blocked: boolean }) {
  const store = useStoreApi();
  const chosen = useAppStore(selectExploreVariants);
  const status = useAppStore(selectExploreStatus);
  const running = status === 'running';
  return (
    <div className="explore-controls">
      <fieldset>
        <legend>Variants to explore</legend>
        {VARIANTS.map((v) => (
          <label key={v} className="check" title={VARIANT_INFO[v].what}>
            <input
              type="checkbox"
              data-testid={`explore-variant-${v}`}
              checked={chosen.includes(v)}
              disabled={running}
              onChange={(e) => store.getState().setExploreVariant(v, e.target.checked)}
            />
            <span>{v}</span>
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="kexec"
        data-testid="explore-run"
        disabled={blocked || running || chosen.length === 0}
        onClick={() => store.getState().startExplore()}
      >
        Explore every run
      </button>
      <button
        type="button"
        data-testid="explore-cancel"
        disabled={!running}
        onClick={() => store.getState().cancelExplore()}
      >
        Cancel
      </button>
    </div>
  );
}
