import { modelOf, resolveSwitches } from '../../engine';
import type { Switches, TreeId, Variant } from '../../engine';
import { currentAt, replayAll } from '../replay';
import type { AppData, VariantActions } from '../types';
import type { AppSlice } from './slice';

/** The same actions replayed under another tree, variant or switches. */
function rerun(
  s: AppData,
  variant: Variant,
  overrides: Partial<Switches>,
  kernel: TreeId = s.kernel,
): Partial<AppData> {
  const switches = resolveSwitches(variant, overrides, kernel);
  const replay = replayAll(s.scenario.files, switches, s.actions, modelOf(kernel));
  return {
    kernel,
    variant,
    overrides,
    switches,
    replay,
    current: currentAt(replay, s.position, s.current),
  };
}

export const variantSlice: AppSlice<VariantActions> = (set) => ({
  setVariant: (variant) => set((s) => rerun(s, variant, {})),
  setKernel: (kernel) => set((s) => rerun(s, s.variant, {}, kernel)),
  setSwitch: (name, value) => set((s) => rerun(s, s.variant, { ...s.overrides, [name]: value })),
  resetSwitches: () => set((s) => rerun(s, s.variant, {})),
});
