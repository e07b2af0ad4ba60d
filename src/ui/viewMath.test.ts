import { describe, expect, it } from 'vitest';
import { layoutScenario } from '../layout';
import { layoutGrouped } from '../layout/groups';
import { findScenario, memfdScenario } from '../scenarios';
import {
  READABLE_ZOOM,
  SMALLEST_LABEL,
  canvasSize,
  columnsFor,
  fitTransform,
  zoomAbout,
} from './viewMath';

/** The graph's box at 1366x768 (the canvas between the header, the side panel and the strip). */
const [W, H] = [929, 303];

describe('fitTransform', () => {
  it('shows a small layout whole and centred, at most at 110 %', () => {
    const layout = layoutScenario(findScenario('seed')!.files, columnsFor(W));
    const t = fitTransform(layout, W, H);
    expect(t.k).toBeLessThanOrEqual(1.1);
    expect(t.x + (layout.width * t.k) / 2).toBeCloseTo(W / 2);
    expect(t.y + (layout.height * t.k) / 2).toBeCloseTo(H / 2);
    expect(canvasSize(layout, W, H)).toEqual({ width: W, height: H });
  });

  it.each(['vm-64', 'vms-128', 'vm-full', 'seed', 'bench-128'])(
    '%s at 1366x768, grouped and expanded: labels at 11 px or more, as wide as the box',
    (id) => {
      const files = findScenario(id)!.files;
      for (const layout of [
        layoutGrouped(files, new Set(), columnsFor(W)),
        layoutScenario(files, columnsFor(W)),
      ]) {
        const t = fitTransform(layout, W, H);
        expect(t.k * SMALLEST_LABEL).toBeGreaterThanOrEqual(11);
        expect(t.x + layout.width * t.k).toBeLessThanOrEqual(W);
        // Taller than the box: the canvas grows to the layout and the top shows first.
        const canvas = canvasSize(layout, W, H);
        expect(canvas.width).toBe(W);
        const whole = fitTransform(layout, canvas.width, canvas.height);
        expect(whole.k).toBeCloseTo(t.k);
        expect(whole.y + layout.height * whole.k).toBeLessThanOrEqual(canvas.height);
        if (canvas.height > H) expect(t.y).toBe(whole.y);
      }
    },
  );

  it('never fits below the readable scale, however large the layout', () => {
    const layout = layoutScenario(memfdScenario(128).files);
    const t = fitTransform(layout, 1000, 600);
    expect(t.k).toBe(READABLE_ZOOM);
    expect(t.x).toBeGreaterThan(0);
    expect(canvasSize(layout, 1000, 600).width).toBeGreaterThan(1000);
  });

  it('keeps the point under the cursor in place when zooming', () => {
    const v = zoomAbout({ x: 10, y: 20, k: 1 }, 2, 100, 100);
    expect(v).toEqual({ x: -80, y: -60, k: 2 });
  });
});
