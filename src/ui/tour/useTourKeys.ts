import { useEffect } from 'react';
import type { AppStore } from '../../store';

/** Escape leaves the tour, except where it belongs to a dialog or an open list. */
export function useTourKeys(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const t = e.target;
      if (t instanceof HTMLSelectElement) return;
      if (t instanceof Element && t.closest('dialog, [role="dialog"]')) return;
      e.preventDefault();
      store.getState().leaveTour();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
