/** `&view=compare|explore`: the view shown, read at start and kept in the address. */
import { TABS } from '../store';
import type { AppStore, AppTab } from '../store';

const isTab = (v: string | null): v is AppTab => (TABS as readonly (string | null)[]).includes(v);

/** The view the address names; the graph when it names none or an unknown one. */
export function readTab(search: string): AppTab {
  const v = new URLSearchParams(search).get('view');
  return isTab(v) ? v : 'graph';
}

/** The search string with the view set (the graph, the default, is left out). */
export function searchWithTab(search: string, tab: AppTab): string {
  const params = new URLSearchParams(search);
  if (tab === 'graph') params.delete('view');
  else params.set('view', tab);
  const out = params.toString();
  return out ? `?${out}` : '';
}

/** Keeps `view` in the address in step with the store, other parameters and the hash kept. */
export function connectTab(store: AppStore, win: Window): void {
  store.subscribe((s, prev) => {
    if (s.tab === prev.tab) return;
    const { pathname, search, hash } = win.location;
    win.history.replaceState(null, '', `${pathname}${searchWithTab(search, s.tab)}${hash}`);
  });
}
