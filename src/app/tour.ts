/**
 * The tour in the address and in storage: `?tour=<n>` opens step n (from 1) and follows the
 * step shown; the last step visited is kept in localStorage so the page offers to resume it.
 */
import type { AppStore } from '../store';

export const TOUR_PARAM = 'tour';
export const TOUR_KEY = 'luoscope/tour';
export const TOUR_FORMAT = 'luoscope/tour@1';

/** The step (from 0) the address asks for, or what is wrong with it. */
export function readTourParam(search: string): { index: number | null; notice: string | null } {
  const raw = new URLSearchParams(search).get(TOUR_PARAM);
  if (raw === null) return { index: null, notice: null };
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  if (n >= 1) return { index: n - 1, notice: null };
  const shown = JSON.stringify(raw.slice(0, 20));
  return {
    index: null,
    notice: `Unknown tour step ${shown}: ?tour= takes a step number, 1 for the first.`,
  };
}

/** The search string with the tour's step (from 0), or without it when `index` is null. */
export function tourSearch(search: string, index: number | null): string {
  const params = new URLSearchParams(search);
  if (index === null) params.delete(TOUR_PARAM);
  else params.set(TOUR_PARAM, String(index + 1));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The saved resume point (from 0), `null` when none or unreadable. */
export function readResume(storage: Pick<Storage, 'getItem'> | null): number | null {
  try {
    const json: unknown = JSON.parse(storage?.getItem(TOUR_KEY) ?? 'null');
    if (typeof json !== 'object' || json === null) return null;
    const { format, step } = json as Record<string, unknown>;
    if (format !== TOUR_FORMAT || typeof step !== 'number' || !Number.isInteger(step)) return null;
    return step >= 1 ? step - 1 : null;
  } catch {
    return null;
  }
}

/** Saves the resume point (or forgets it); a storage that refuses is not an error here. */
export function writeResume(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
  last: number | null,
) {
  try {
    if (last === null) storage?.removeItem(TOUR_KEY);
    else storage?.setItem(TOUR_KEY, JSON.stringify({ format: TOUR_FORMAT, step: last + 1 }));
  } catch {
    // The tour works without a resume point.
  }
}

function localStorageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** Opens the step the address names, offers the saved resume point, keeps both up to date. */
export function connectTour(store: AppStore, win: Window): void {
  const storage = localStorageOf(win);
  const s = store.getState();
  const last = readResume(storage);
  if (last !== null) s.setTourLast(last);
  const { index, notice } = readTourParam(win.location.search);
  if (notice) s.setNotice(s.notice ? `${s.notice} ${notice}` : notice);
  if (index !== null) s.openTour(index);
  store.subscribe((next, prev) => {
    if (next.tour.index !== prev.tour.index) {
      const { pathname, search, hash } = win.location;
      win.history.replaceState(
        null,
        '',
        `${pathname}${tourSearch(search, next.tour.index)}${hash}`,
      );
    }
    if (next.tour.last !== prev.tour.last) writeResume(storage, next.tour.last);
  });
}
