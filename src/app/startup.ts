/**
 * The composition of the page's persistence: what opens at start (see hashLink.ts), the
 * address kept in step with the work, links pasted into an open page, and the autosave.
 */
import type { AppStore } from '../store';
import { readSaved, startAutosave } from './autosave';
import { addressFor, chooseStart, listenForLinks } from './hashLink';
import type { Start } from './hashLink';

/** localStorage, or `null` where the browser denies it (a sandboxed frame, some privacy modes). */
function storage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** What to open, from the address and the saved work. */
export function startFrom(win: Window): Start {
  return chooseStart(win.location.search, win.location.hash, readSaved(storage(win)));
}

/** Keeps the address, the autosave and pasted links in step with the store. */
export function connectWork(store: AppStore, win: Window, start: Start): void {
  const address = () => {
    const { scenario, variant } = store.getState();
    return addressFor(win.location, scenario.id, variant);
  };
  if (start.run) store.getState().attachKernelRun(start.run);
  win.history.replaceState(null, '', address());
  // The address follows the scenario and variant, so a reload or a copied address reopens them.
  store.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario || s.variant !== prev.variant) {
      win.history.replaceState(null, '', address());
    }
  });
  listenForLinks(store, win);
  const saved = storage(win);
  if (!saved) return;
  const autosave = startAutosave(store, {
    storage: saved,
    win,
    doc: win.document,
    onError: (message) => store.getState().setNotice(message),
  });
  // A linked trace replaces the saved work now: the address no longer holds it.
  if (start.source === 'link') autosave.flush(true);
}
