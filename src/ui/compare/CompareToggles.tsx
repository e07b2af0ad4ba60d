import { VARIANTS } from '../../engine';
import { MIN_COMPARED } from '../../store';
import { selectCompareVariants } from '../../store/compare';
import { useAppStore, useStoreApi } from '../storeContext';
import { VARIANT_INFO } from '../variants';

/** Which variants get a column: two to four. */
export function CompareToggles() {
  const store = useStoreApi();
  const chosen = useAppStore(selectCompareVariants);
  const atMin = chosen.length <= MIN_COMPARED;
  return (
    <fieldset className="compare-toggles">
      <legend>Variants side by side (two to four)</legend>
      {VARIANTS.map((v) => {
        const on = chosen.includes(v);
        return (
          <label key={v} className="check" title={VARIANT_INFO[v].what}>
            <input
              type="checkbox"
              data-testid={`compare-toggle-${v}`}
              checked={on}
              disabled={on && atMin}
              onChange={(e) => store.getState().setCompareVariant(v, e.target.checked)}
            />
            <span>{v}</span>
          </label>
        );
      })}
      {atMin && <span className="muted">At least two stay selected.</span>}
    </fieldset>
  );
}
