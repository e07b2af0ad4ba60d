import { describe, expect, it } from 'vitest';
import { ALL_SWITCH_NAMES, TREE_IDS, VARIANTS, resolveSwitches } from '../engine';
import { SWITCH_CONTROLS } from './switchControls';

describe('SWITCH_CONTROLS', () => {
  it('has one control for every switch, §4.1 first, then the tree switches', () => {
    expect(SWITCH_CONTROLS.map((c) => c.name)).toEqual([...ALL_SWITCH_NAMES]);
  });

  it("round-trips every tree's and variant's value through its control", () => {
    const presets = TREE_IDS.flatMap((t) => VARIANTS.map((v) => resolveSwitches(v, {}, t)));
    for (const preset of presets) {
      for (const c of SWITCH_CONTROLS) {
        const text = c.encode(preset[c.name]);
        if (c.options) expect(c.options).toContain(text);
        expect(c.decode(text)).toEqual(preset[c.name]);
      }
    }
  });
});
