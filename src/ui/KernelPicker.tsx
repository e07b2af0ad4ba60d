import { TREES, isTreeId, treeById } from '../engine';
import { selectKernel } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

/**
 * The kernel tree the steps run on (June 2026 thread, mainline v7.3, the code posted by Sep 2026,
 * the Oct 2026 proposals); picking one replays the same actions under it. Its date and what it
 * contains are on the line below; the rules it adds, with their sources, one click away.
 */
export function KernelPicker() {
  const store = useStoreApi();
  const kernel = useAppStore(selectKernel);
  const tree = treeById(kernel);
  return (
    <div className="kernel-picker">
      <label htmlFor="kernel">Kernel tree</label>
      <select
        id="kernel"
        data-testid="kernel"
        value={kernel}
        aria-describedby="kernel-line"
        onChange={(e) => isTreeId(e.target.value) && store.getState().setKernel(e.target.value)}
      >
        {TREES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.id}: {t.title} ({t.date})
          </option>
        ))}
      </select>
      <p id="kernel-line" className="muted" data-testid="kernel-line">
        {tree.title}, {tree.date}: handlers for {tree.handlers.join(', ')}. {tree.summary}
      </p>
      <details className="kernel-about" data-testid="kernel-about">
        <summary>What {tree.id} adds, with sources</summary>
        <ul>
          {tree.rules.map((r) => (
            <li key={r.text}>
              {r.text} <span className="muted">({r.source})</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
