import { useState } from 'react';
import { DEFAULT_TREE, TREES, VARIANTS, isTreeId } from '../../engine';
import type { TreeId, Variant } from '../../engine';
import { MIN_COMPARED, compareKey, compareLabel } from '../../store';
import type { CompareKey } from '../../store';
import { selectCompareVariants } from '../../store/compare';
import { useAppStore, useStoreApi } from '../storeContext';
import { VARIANT_INFO } from '../variants';

const isVariant = (v: string): v is Variant => (VARIANTS as readonly string[]).includes(v);

/**
 * Which (kernel tree, variant) pairs get a column: the June 2026 variants by checkbox, and any
 * other tree's variant added beside them ("posted-2026-09 C"). At least two stay.
 */
export function CompareToggles() {
  const store = useStoreApi();
  const chosen = useAppStore(selectCompareVariants);
  const atMin = chosen.length <= MIN_COMPARED;
  const [tree, setTree] = useState<TreeId>('posted-2026-09');
  const [variant, setVariant] = useState<Variant>('C');
  const set = (key: CompareKey, on: boolean) => store.getState().setCompareVariant(key, on);
  const others = chosen.filter((k) => k.includes(':'));
  const adding = compareKey(tree, variant);
  return (
    <fieldset className="compare-toggles">
      <legend>Columns side by side: a kernel tree and a variant each (at least two)</legend>
      {VARIANTS.map((v) => {
        const on = chosen.includes(v);
        return (
          <label key={v} className="check" title={VARIANT_INFO[v].what}>
            <input
              type="checkbox"
              data-testid={`compare-toggle-${v}`}
              checked={on}
              disabled={on && atMin}
              onChange={(e) => set(v, e.target.checked)}
            />
            <span>{v}</span>
          </label>
        );
      })}
      {others.map((k) => (
        <label key={k} className="check">
          <input
            type="checkbox"
            data-testid={`compare-toggle-${k}`}
            checked
            disabled={atMin}
            onChange={(e) => set(k, e.target.checked)}
          />
          <span>{compareLabel(k)}</span>
        </label>
      ))}
      <span className="compare-add" role="group" aria-label="Add a column">
        <label>
          Tree{' '}
          <select
            data-testid="compare-add-tree"
            value={tree}
            onChange={(e) => isTreeId(e.target.value) && setTree(e.target.value)}
          >
            {TREES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.id}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Variant{' '}
          <select
            data-testid="compare-add-variant"
            value={variant}
            onChange={(e) => isVariant(e.target.value) && setVariant(e.target.value)}
          >
            {VARIANTS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>{' '}
        <button
          type="button"
          data-testid="compare-add"
          disabled={chosen.includes(adding)}
          onClick={() => set(adding, true)}
        >
          Add {tree === DEFAULT_TREE ? variant : `${tree} ${variant}`}
        </button>
      </span>
      {atMin && <span className="muted">At least two stay selected.</span>}
    </fieldset>
  );
}
