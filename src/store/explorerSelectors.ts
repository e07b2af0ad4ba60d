/** Named selectors of the explorer's state (see slices/explorer.ts). */
import type { AppData } from './types';

export const selectExploreStatus = (s: AppData) => s.explorer.status;
export const selectExploreVariants = (s: AppData) => s.explorer.variants;
export const selectExploreProgress = (s: AppData) => s.explorer.progress;
export const selectExploreQueued = (s: AppData) => s.explorer.queued;
export const selectExploreResults = (s: AppData) => s.explorer.results;
export const selectExploreError = (s: AppData) => s.explorer.error;
/** The last run's results are about the scenario on screen. */
export const selectExploreCurrent = (s: AppData) => s.explorer.files === s.scenario.files;
export const selectExploreSessions = (s: AppData) => s.explorer.shape.sessions;
export const selectExploreKexecs = (s: AppData) => s.explorer.shape.kexecs;
export const selectExploreSetSteps = (s: AppData) => s.explorer.shape.setSteps;
