import { describe, expect, it } from 'vitest';
import { layoutScenario } from '../layout';
import { memfdScenario } from '../scenarios';
import { fitTransform, zoomAbout } from './viewMath';

describe('fitTransform', () => {
  it('shows the whole 128-node layout inside the viewport', () => {
    const layout = layoutScenario(memfdScenario(128).files);
    const t = fitTransform(layout, 1000, 600);
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.y).toBeGreaterThanOrEqual(0);
    expect(t.x + layout.width * t.k).toBeLessThanOrEqual(1000);
    expect(t.y + layout.height * t.k).toBeLessThanOrEqual(600);
  });

  it('keeps the point under the cursor in place when zooming', () => {
    const v = zoomAbout({ x: 10, y: 20, k: 1 }, 2, 100, 100);
    expect(v).toEqual({ x: -80, y: -60, k: 2 });
  });
});
