import type { ReactNode } from 'react';
import { selectTab } from '../store';
import type { AppTab } from '../store';
import { useAppStore } from './storeContext';

/** A view's tab panel; its content is mounted only while its tab is selected. */
export function ViewPanel({ tab, children }: { tab: AppTab; children: ReactNode }) {
  const shown = useAppStore(selectTab) === tab;
  if (!shown) return null;
  return (
    <div role="tabpanel" id={`view-${tab}`} aria-labelledby={`tab-${tab}`} className="view-panel">
      {children}
    </div>
  );
}
