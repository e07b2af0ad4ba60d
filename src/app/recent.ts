/**
 * The recent list's data: every slot but this tab's (slots.ts), kept fresh when another tab
 * saves (the `storage` event), and restoring one into this tab.
 */
import type { AppStore } from '../store';
import type { RecentWorkApi } from '../ui/recent/recentContext';
import { decodeWork } from './autosave';
import { SLOT_PREFIX, keepAside, listSlots, newSlotId, slotKey } from './slots';
import type { PageStart } from './startup';

/** The recent work of other tabs and visits, or `null` where the browser keeps nothing. */
export function recentWork(store: AppStore, win: Window, start: PageStart): RecentWorkApi | null {
  const { local, slot } = start;
  if (!local || !slot) return null;
  const read = () => {
    try {
      return listSlots(local, slot.id);
    } catch {
      return [];
    }
  };
  let entries = read();
  const listeners = new Set<() => void>();
  win.addEventListener('storage', (e) => {
    if (e.key !== null && !e.key.startsWith(SLOT_PREFIX)) return;
    entries = read();
    for (const l of listeners) l();
  });
  return {
    list: () => entries,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    restore: (id) => {
      const entry = entries.find((e) => e.id === id);
      const text = local.getItem(slotKey(id));
      const restored = text === null ? null : decodeWork(text);
      const s = store.getState();
      if (restored?.ok) {
        // This tab's own work would be replaced: it moves aside, into the list.
        if (s.actions.length) keepAside(local, slot.id, newSlotId(Date.now(), Math.random));
        const title = entry ? `"${entry.title}"` : 'the saved work';
        s.openWork(restored.work, `Restored ${title}: ${restored.work.actions.length} steps.`);
      } else {
        const why = restored ? restored.error : 'it is no longer saved';
        s.setNotice(`That work could not be restored (${why}); the work that was open stays open.`);
      }
    },
    offered: slot.fresh && start.source !== 'link' && entries.length > 0,
  };
}
