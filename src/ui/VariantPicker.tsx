import { VARIANTS } from '../engine';
import type { Variant } from '../engine';
import { selectVariant } from '../store';
import { useAppStore, useStoreApi } from './storeContext';
import { VARIANT_INFO } from './variants';

const isVariant = (v: string): v is Variant => (VARIANTS as readonly string[]).includes(v);

/** The kernel variant; picking one replays the same actions under it. */
export function VariantPicker() {
  const store = useStoreApi();
  const variant = useAppStore(selectVariant);
  const info = VARIANT_INFO[variant];
  return (
    <div className="variant-picker">
      <label htmlFor="variant">Kernel variant</label>
      <select
        id="variant"
        data-testid="variant"
        value={variant}
        aria-describedby="variant-line"
        onChange={(e) => isVariant(e.target.value) && store.getState().setVariant(e.target.value)}
      >
        {VARIANTS.map((v) => (
          <option key={v} value={v}>
            {v}: {VARIANT_INFO[v].what} ({VARIANT_INFO[v].who})
          </option>
        ))}
      </select>
      <p id="variant-line" className="muted" data-testid="variant-line">
        {info.what}. Proposed by {info.who}.
      </p>
    </div>
  );
}
