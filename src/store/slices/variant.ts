import { resolveSwitches } from '../../engine';
import type { Switches, Variant } from '../../engine';
import { currentAt, replayAll } from '../replay';
import type { AppData, VariantActions } from '../types';
import type { AppSlice } from './slice';

/** The same actions replayed under other switches. */
function rerun(s: AppData, variant: Variant, overrides: Partial<Switches>): Partial<AppData> {
  const switches = resolveSwitches(variant, overrides);
  const replay = replayAll(s.scenario.files, switches, s.actions);
  return {
    variant,
    overrides,
    switches,
    replay,
    current: currentAt(replay, s.position, s.current),
  };
}

export const variantSlice: AppSlice<VariantActions> = (set) => ({
  setVariant: (variant) => set((s) => rerun(s, variant, {})),
  setSwitch: (name, value) => set((s) => rerun(s, s.variant, { ...s.overrides, [name]: value })),
  resetSwitches: () => set((s) => rerun(s, s.variant, {})),
});
