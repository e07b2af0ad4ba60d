/** The guided tour: steps as data, and the engine replay that answers them. */
export { TOUR } from './steps';
export { checkStep, matchingChoices, observe, tourScenario, unmet } from './check';
export type { Observed, StepCheck } from './check';
export { loreLink } from './sources';
export type { Choice, Expectation, TourSource, TourStep, TourTask } from './types';
