import type { AppData } from '../types';
import type { Work } from '../work';
import { workOf } from '../work';
import type { AppSlice } from './slice';

export interface TourState {
  /** The step shown (from 0), `null` while the tour is closed. */
  index: number | null;
  /** The step whose scenario and history are loaded; the panel loads `index` when they differ. */
  loaded: number | null;
  /** The last step visited, for "Resume tour"; `null` before the first or after the last. */
  last: number | null;
  /** The work that was open when the tour began: leaving the tour brings it back. */
  before: Work | null;
}

export interface TourData {
  tour: TourState;
}

export interface TourActions {
  /** Opens the tour at a step; the tour panel loads it. */
  openTour(index: number): void;
  /** Shows a step: its work replaces the open one, and `text` is announced. */
  loadTourStep(index: number, work: Work, text: string): void;
  /** Closes the tour and reopens the work that was open before it. */
  leaveTour(options?: { finished?: boolean; text?: string }): void;
  /** The resume point read from storage at start. */
  setTourLast(last: number | null): void;
}

export function initialTourData(): TourData {
  return { tour: { index: null, loaded: null, last: null, before: null } };
}

const beforeTour = (s: AppData): Work | null => s.tour.before ?? workOf(s);

export const tourSlice: AppSlice<TourActions> = (set, get) => ({
  openTour: (index) =>
    set((s) => ({ tour: { ...s.tour, index, before: beforeTour(s) }, tab: 'graph' })),
  loadTourStep: (index, work, text) => {
    const before = beforeTour(get());
    get().openWork(work, text);
    set({ tour: { index, loaded: index, last: index, before }, tab: 'graph' });
  },
  leaveTour: ({ finished = false, text } = {}) => {
    const { tour } = get();
    if (tour.index === null) return;
    const said = text ?? (finished ? 'Tour finished.' : `Left the tour at step ${tour.index + 1}.`);
    if (tour.before) get().openWork(tour.before, `${said} The work you had open is back.`);
    else get().announce(said);
    set({
      tour: { index: null, loaded: null, last: finished ? null : tour.index, before: null },
    });
  },
  setTourLast: (last) => set((s) => ({ tour: { ...s.tour, last } })),
});
