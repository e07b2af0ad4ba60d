/**
 * The composition of the page's persistence: what opens at start (see hashLink.ts), the
 * address kept in step with the work, links pasted into an open page, and the autosave of
 * this tab's work into its own slot (see slots.ts).
 */
import type { AppStore } from '../store';
import { readSaved, startAutosave } from './autosave';
import { addressFor, chooseStart, listenForLinks } from './hashLink';
import type { Start } from './hashLink';
import { keepAside, newSlotId, pruneSlots, slotKey, tabSlot } from './slots';

/** What opens, and where this tab keeps its work (`slot` null: the browser keeps nothing). */
export interface PageStart extends Start {
  slot: { id: string; fresh: boolean } | null;
  local: Storage | null;
}

/** The notice for a browser that lets the page keep nothing (storage off, some private modes). */
export const NO_STORAGE_NOTICE =
  'This browser does not let the page keep your work (storage is off here): a reload starts ' +
  'afresh. Download the trace (.json) or copy a share link to keep it.';

/** A storage of the window, or `null` where the browser denies it (a sandboxed frame, ...). */
function storageOf(win: Window, which: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    const storage = win[which];
    void storage.length;
    return storage;
  } catch {
    return null;
  }
}

/** What to open, from the address and this tab's saved work. */
export function startFrom(win: Window): PageStart {
  const local = storageOf(win, 'localStorage');
  const session = storageOf(win, 'sessionStorage');
  let slot: PageStart['slot'];
  try {
    slot = local ? tabSlot(local, session, () => newSlotId(Date.now(), Math.random)) : null;
  } catch {
    slot = null;
  }
  const saved = slot && !slot.fresh ? readSaved(local, slotKey(slot.id)) : null;
  const start = chooseStart(win.location.search, win.location.hash, saved);
  // This tab opens other work (a link, another scenario): its own moves aside, into the list.
  if (slot && local && saved?.ok && saved.work.actions.length && start.source !== 'saved') {
    keepAside(local, slot.id, newSlotId(Date.now(), Math.random));
  }
  if (!slot) {
    const notice = start.options.notice;
    start.options.notice = notice ? `${notice} ${NO_STORAGE_NOTICE}` : NO_STORAGE_NOTICE;
  }
  return { ...start, slot, local };
}

/** Keeps the address, the autosave and pasted links in step with the store. */
export function connectWork(store: AppStore, win: Window, start: PageStart): void {
  const address = () => {
    const { scenario, variant, kernel } = store.getState();
    return addressFor(win.location, scenario.id, variant, kernel);
  };
  if (start.run) store.getState().attachKernelRun(start.run);
  win.history.replaceState(null, '', address());
  // The address follows the scenario and variant, so a reload or a copied address reopens them.
  store.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario || s.variant !== prev.variant || s.kernel !== prev.kernel) {
      win.history.replaceState(null, '', address());
    }
  });
  listenForLinks(store, win);
  const { local, slot } = start;
  if (!local || !slot) return;
  const autosave = startAutosave(store, {
    storage: local,
    key: slotKey(slot.id),
    win,
    doc: win.document,
    now: () => Date.now(),
    // Storage full: the oldest other slots make room, the five newest stay.
    makeRoom: () => pruneSlots(local, slot.id, 5) > 0,
    onError: (message) =>
      store
        .getState()
        .setNotice(`${message} Download the trace (.json) or copy a share link to keep it.`),
  });
  pruneSlots(local, slot.id);
  // A linked trace replaces the saved work now: the address no longer holds it.
  if (start.source === 'link') autosave.flush(true);
}
