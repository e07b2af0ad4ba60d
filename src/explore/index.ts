/** Exhaustive exploration of every preserve/retrieve ordering of a scenario. */
export * from './runs';
export { explore, ExploreCancelled, EXPLORE_MAX_FILES } from './explore';
export type { ExploreOptions, ExploreResult } from './explore';
export { forEachRun, naiveCounts } from './naive';
