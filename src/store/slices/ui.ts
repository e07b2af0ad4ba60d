import type { UiActions } from '../types';
import type { AppSlice } from './slice';

export const uiSlice: AppSlice<UiActions> = (set) => ({
  select: (selected) => set({ selected }),
  selectHandle: (handle) => set({ handle }),
  announce: (text) => set((s) => ({ announcement: { seq: s.announcement.seq + 1, text } })),
  setNotice: (notice) => set({ notice }),
  setView: (view) => set({ view }),
});
