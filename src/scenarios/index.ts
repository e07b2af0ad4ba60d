/** Scenarios as data: the presets of the page and the generated bench scenarios. */
import { benchScenario } from './bench';
import { PRESETS } from './presets';
import type { Scenario } from './scenario';

export type { Scenario } from './scenario';
export { file } from './scenario';
export { PRESETS } from './presets';
export { memfdLiveUpdate, memfdScenario, BENCH_MAX } from './bench';

/** The default scenario (`seed`). */
export const DEFAULT_SCENARIO: Scenario = PRESETS[0]!;

/** The scenario an id names: a preset, or a generated `bench-<n>`. */
export function findScenario(id: string): Scenario | undefined {
  return PRESETS.find((s) => s.id === id) ?? benchScenario(id);
}
