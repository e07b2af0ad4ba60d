import { modelOf, resolveSwitches } from '../../engine';
import type { Switches, TreeId, Variant } from '../../engine';
import { currentAt } from '../replay';
import { replayThen } from '../replayJob';
import type { VariantActions } from '../types';
import type { AppSlice } from './slice';

/** The same actions replayed under another tree, variant or switches (in slices if long). */
export const variantSlice: AppSlice<VariantActions> = (set, get) => {
  const rerun = (variant: Variant, overrides: Partial<Switches>, kernel: TreeId = get().kernel) => {
    const s = get();
    const switches = resolveSwitches(variant, overrides, kernel);
    const input = { files: s.scenario.files, switches, actions: s.actions, model: modelOf(kernel) };
    void replayThen(set, get, `the history under ${kernel} ${variant}`, input, (replay) => ({
      kernel,
      variant,
      overrides,
      switches,
      replay,
      current: currentAt(replay, get().position, get().current),
    }));
  };
  return {
    setVariant: (variant) => rerun(variant, {}),
    setKernel: (kernel) => rerun(get().variant, {}, kernel),
    setSwitch: (name, value) => rerun(get().variant, { ...get().overrides, [name]: value }),
    resetSwitches: () => rerun(get().variant, {}),
  };
};
