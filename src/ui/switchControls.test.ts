import { describe, expect, it } from 'vitest';
import { SWITCH_NAMES, VARIANT_PRESETS } from '../engine';
import { SWITCH_CONTROLS } from './switchControls';

describe('SWITCH_CONTROLS', () => {
  it('has one control for every switch of §4.1, in order', () => {
    expect(SWITCH_CONTROLS.map((c) => c.name)).toEqual([...SWITCH_NAMES]);
  });

  it('round-trips every preset value through its control', () => {
    for (const preset of Object.values(VARIANT_PRESETS)) {
      for (const c of SWITCH_CONTROLS) {
        const text = c.encode(preset[c.name]);
        if (c.options) expect(c.options).toContain(text);
        expect(c.decode(text)).toEqual(preset[c.name]);
      }
    }
  });
});
