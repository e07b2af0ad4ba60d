/** The work a tour step opens: its scenario, variant, switches and history, at its last step. */
import { tourScenario } from '../tour/check';
import type { TourStep } from '../tour/types';
import { engineStep } from '../trace/replay';
import type { Work } from './work';

export function tourWork(step: TourStep): Work {
  return {
    scenario: tourScenario(step),
    ...(step.kernel === undefined ? {} : { kernel: step.kernel }),
    variant: step.variant,
    overrides: { ...step.switches },
    actions: step.history.map(engineStep),
    position: step.history.length,
  };
}
