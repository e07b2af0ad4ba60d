/**
 * Work per tab. Each tab names its own slot in sessionStorage (`luoscope/tab`, which a reload
 * keeps and another tab does not see); the work itself is in localStorage under
 * `luoscope/work/<slot>`, so no tab overwrites another's and the work of closed tabs and
 * earlier visits stays, to be offered at start ("Recent work"). The oldest slots beyond
 * `MAX_SLOTS` are removed; the work saved by a luoscope before slots (`luoscope/autosave`) is
 * taken over by the first tab that opens.
 */
import { AUTOSAVE_KEY } from './autosave';

/** The sessionStorage key naming this tab's slot. */
export const TAB_KEY = 'luoscope/tab';
/** The localStorage key of a slot: this prefix and the slot's id. */
export const SLOT_PREFIX = 'luoscope/work/';
/** Slots kept: the most recently saved ones; older ones are removed when another is written. */
export const MAX_SLOTS = 30;

/** A slot's id in its key. */
export const slotKey = (id: string) => `${SLOT_PREFIX}${id}`;

/** One saved work as the recent list shows it. */
export interface SlotEntry {
  id: string;
  title: string;
  scenario: string;
  steps: number;
  /** When it was last saved (ms since the epoch; 0 when not recorded). */
  savedAt: number;
}

type Local = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
type Session = Pick<Storage, 'getItem' | 'setItem'>;

/** A new slot id: time and randomness, unique enough between the tabs of one browser. */
export function newSlotId(now: number, random: () => number): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

/** What the recent list needs from a saved value, read leniently (`null`: not work). */
export function entryOf(id: string, text: string): SlotEntry | null {
  try {
    const v = JSON.parse(text) as {
      scenario?: unknown;
      savedAt?: unknown;
      trace?: { title?: unknown; steps?: unknown };
    };
    if (typeof v.scenario !== 'string' || !Array.isArray(v.trace?.steps)) return null;
    return {
      id,
      title: typeof v.trace.title === 'string' ? v.trace.title : v.scenario,
      scenario: v.scenario,
      steps: v.trace.steps.length,
      savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0,
    };
  } catch {
    return null;
  }
}

function slotIds(local: Local): string[] {
  const ids: string[] = [];
  for (let i = 0; i < local.length; i++) {
    const key = local.key(i);
    if (key?.startsWith(SLOT_PREFIX)) ids.push(key.slice(SLOT_PREFIX.length));
  }
  return ids;
}

/**
 * The work of every slot but `except` (this tab's), newest first; the same work twice is
 * listed once, and not at all when it is this tab's own.
 */
export function listSlots(local: Local, except: string | null): SlotEntry[] {
  const seen = new Set<string>();
  const out: SlotEntry[] = [];
  const all = slotIds(local).flatMap((id) => {
    const text = local.getItem(slotKey(id));
    const entry = text === null ? null : entryOf(id, text);
    return entry ? [{ entry, text: text! }] : [];
  });
  all.sort((a, b) => b.entry.savedAt - a.entry.savedAt);
  // Two slots with one work (a restore copies it): the savedAt differs, the rest does not.
  const same = (text: string) => text.replace(/"savedAt":\d+,?/, '');
  // Work this tab already has is not offered to it.
  for (const { entry, text } of all) if (entry.id === except) seen.add(same(text));
  for (const { entry, text } of all) {
    if (entry.id === except || seen.has(same(text))) continue;
    seen.add(same(text));
    out.push(entry);
  }
  return out;
}

/** Removes the oldest slots past `MAX_SLOTS` (never `keep`); returns how many went. */
export function pruneSlots(local: Local, keep: string, max = MAX_SLOTS): number {
  const others = slotIds(local)
    .filter((id) => id !== keep)
    .map((id) => ({ id, at: entryOf(id, local.getItem(slotKey(id)) ?? '')?.savedAt ?? 0 }))
    .sort((a, b) => b.at - a.at);
  const gone = others.slice(Math.max(0, max - 1));
  for (const { id } of gone) local.removeItem(slotKey(id));
  return gone.length;
}

/**
 * This tab's slot: the one its sessionStorage names, else a new one (which takes over the
 * pre-slot autosave if there is one). `fresh` is true for a tab that had none.
 */
export function tabSlot(
  local: Local,
  session: Session | null,
  makeId: () => string,
): { id: string; fresh: boolean } {
  const named = session?.getItem(TAB_KEY);
  if (named) return { id: named, fresh: false };
  const id = makeId();
  session?.setItem(TAB_KEY, id);
  const legacy = local.getItem(AUTOSAVE_KEY);
  if (legacy !== null) {
    local.setItem(slotKey(id), legacy);
    local.removeItem(AUTOSAVE_KEY);
    return { id, fresh: false };
  }
  return { id, fresh: true };
}

/** Copies slot `from` to a new slot `to` (work that would be replaced stays in the list). */
export function keepAside(local: Local, from: string, to: string): void {
  try {
    const text = local.getItem(slotKey(from));
    if (text !== null) local.setItem(slotKey(to), text);
  } catch {
    // Storage full: the autosave's own error says so once it writes.
  }
}
