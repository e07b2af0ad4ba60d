/** Exhaustive exploration of every run of a scenario, counted exactly by class. */
export * from './runs';
export { explore, ExploreCancelled, EXPLORE_MAX_FILES } from './explore';
export type { ExploreOptions, ExploreResult } from './explore';
export { exploreExact, ExploreBudgetExceeded, DEFAULT_MAX_STATES } from './exact';
export type { ExactOptions } from './exact';
export * from './shape';
export { fileClasses } from './symmetry';
export type { FileClasses } from './symmetry';
export { forEachRun, naiveCounts } from './naive';
