import { VARIANTS } from '../../engine';
import { ALL_COMPARE_KEYS } from '../compareKey';
import type { CompareKey } from '../compareKey';
import type { AppData } from '../types';
import type { AppSlice } from './slice';

/** The main page's views: the graph, the variants side by side, the explorer, the timeline. */
export const TABS = ['graph', 'compare', 'explore', 'timeline'] as const;
export type AppTab = (typeof TABS)[number];

/** The compare view needs two columns to compare. */
export const MIN_COMPARED = 2;

export interface ViewsData {
  tab: AppTab;
  /** The compare view's columns: (tree, variant) pairs, June 2026 A–D first. */
  compareVariants: readonly CompareKey[];
}
export interface ViewsActions {
  setTab(tab: AppTab): void;
  /** Adds or removes a column; removing one of the last two does nothing. */
  setCompareVariant(key: CompareKey, on: boolean): void;
}

export function initialViewsData(tab: AppTab = 'graph'): ViewsData {
  return { tab, compareVariants: VARIANTS };
}

export const selectTab = (s: AppData) => s.tab;

export const viewsSlice: AppSlice<ViewsActions> = (set) => ({
  setTab: (tab) => set({ tab }),
  setCompareVariant: (variant, on) =>
    set((s) => {
      const next = ALL_COMPARE_KEYS.filter((k) =>
        k === variant ? on : s.compareVariants.includes(k),
      );
      return next.length < MIN_COMPARED ? {} : { compareVariants: next };
    }),
});
