import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { TABS, selectTab } from '../store';
import type { AppTab } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

export const TAB_LABEL: Record<AppTab, string> = {
  graph: 'Graph',
  compare: 'Compare variants',
  explore: 'Explore every ordering',
  timeline: 'Timeline',
};

/** The view switcher: WAI-ARIA tabs, arrow keys move between them (Home/End to the ends). */
export function ViewTabs() {
  const store = useStoreApi();
  const tab = useAppStore(selectTab);
  const refs = useRef<Partial<Record<AppTab, HTMLButtonElement | null>>>({});
  const go = (t: AppTab) => {
    store.getState().setTab(t);
    refs.current[t]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const n = TABS.length;
    const to: Partial<Record<string, number>> = {
      ArrowRight: (i + 1) % n,
      ArrowLeft: (i + n - 1) % n,
      Home: 0,
      End: n - 1,
    };
    const next = to[e.key];
    if (next === undefined) return;
    e.preventDefault();
    go(TABS[next]!);
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button
          key={t}
          ref={(el) => {
            refs.current[t] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t}`}
          data-testid={`tab-${t}`}
          aria-selected={t === tab}
          aria-controls={t === tab ? `view-${t}` : undefined}
          tabIndex={t === tab ? 0 : -1}
          onClick={() => go(t)}
        >
          {TAB_LABEL[t]}
        </button>
      ))}
    </div>
  );
}
