/** Named selectors of the guided tour. */
import type { AppData } from './types';

export const selectTourIndex = (s: AppData) => s.tour.index;
export const selectTourLoaded = (s: AppData) => s.tour.loaded;
export const selectTourLast = (s: AppData) => s.tour.last;
