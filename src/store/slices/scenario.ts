import { modelOf } from '../../engine';
import { layoutScenario } from '../../layout';
import { currentAt, replayAll } from '../replay';
import type { ScenarioActions } from '../types';
import type { AppSlice } from './slice';

export const scenarioSlice: AppSlice<ScenarioActions> = (set) => ({
  loadScenario: (scenario) =>
    set((s) => {
      const replay = replayAll(scenario.files, s.switches, [], modelOf(s.kernel));
      return {
        scenario,
        layout: layoutScenario(scenario.files),
        actions: [],
        position: 0,
        replay,
        current: currentAt(replay, 0),
        selected: null,
        handle: null,
      };
    }),
});
