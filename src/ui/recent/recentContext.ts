import { createContext } from 'react';

/** One saved work of another tab or an earlier visit. */
export interface RecentEntry {
  id: string;
  title: string;
  scenario: string;
  steps: number;
  /** When it was last saved (ms since the epoch; 0 when not recorded). */
  savedAt: number;
}

/** The recent work the page can offer: kept by the composition root, shown by `RecentWork`. */
export interface RecentWorkApi {
  /** Newest first; the same array until the list changes. */
  list(): readonly RecentEntry[];
  subscribe(onChange: () => void): () => void;
  /** Opens that work in this tab (a copy: the other tab keeps its own). */
  restore(id: string): void;
  /** Whether the list is offered open at start (a new tab, with work elsewhere). */
  offered: boolean;
}

/** `null` where the browser keeps nothing: then there is no list. */
export const RecentWorkContext = createContext<RecentWorkApi | null>(null);
