import { describe, expect, it } from 'vitest';
import { file, findScenario, memfdScenario } from '../scenarios';
import { NODE_HEIGHT, NODE_WIDTH, layoutScenario } from './index';
import type { GraphLayout } from './index';

function overlaps(layout: GraphLayout): boolean {
  const n = layout.nodes;
  return n.some((a, i) =>
    n.some(
      (b, j) => i < j && Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT,
    ),
  );
}

function pos(layout: GraphLayout, id: string) {
  return layout.nodes.find((n) => n.id === id)!;
}

describe('layoutScenario', () => {
  it('puts a dependency above its dependent, arrow pointing up to it', () => {
    const layout = layoutScenario(findScenario('seed')!.files);
    expect(pos(layout, 'vm').y).toBeLessThan(pos(layout, 'gmem').y);
    expect(layout.edges).toEqual([
      expect.objectContaining({ id: 'gmem->vm', from: 'gmem', to: 'vm', back: false }),
    ]);
    expect(layout.edges[0]!.d).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it('is computed once per scenario: the same object every time', () => {
    const files = findScenario('vm-full')!.files;
    const first = layoutScenario(files);
    expect(layoutScenario(files)).toBe(first);
    // A structurally equal copy is laid out the same way (no randomness).
    expect(layoutScenario([...files])).toEqual(first);
  });

  it('depends on the files only: properties do not move nodes', () => {
    const files = findScenario('vm-full')!.files;
    const changed = files.map((f) => ({ ...f, running: false, irqsEnabled: false }));
    expect(layoutScenario(changed).nodes).toEqual(layoutScenario(files).nodes);
  });

  it('draws a 2-cycle of generic files: one layered edge, one arc', () => {
    const layout = layoutScenario(findScenario('cycle')!.files);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges.filter((e) => e.back)).toHaveLength(1);
    expect(layout.edges.filter((e) => !e.back)).toHaveLength(1);
    expect(overlaps(layout)).toBe(false);
  });

  it('handles a longer cycle, a self-loop and a chord without crashing', () => {
    const files = [
      file('a', 'generic', ['b']),
      file('b', 'generic', ['c']),
      file('c', 'generic', ['a', 'c']),
      file('d', 'generic', ['a', 'b']),
    ];
    const layout = layoutScenario(files);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(layout.edges).toHaveLength(6);
    // One edge of the cycle a->b->c->a and the self-loop are left out of the layering.
    const back = layout.edges.filter((e) => e.back).map((e) => e.id);
    expect(back).toHaveLength(2);
    expect(back).toContain('c->c');
    for (const n of layout.nodes) expect(Number.isFinite(n.x + n.y)).toBe(true);
    expect(overlaps(layout)).toBe(false);
  });

  it('lays out 128 memfds (LUO_FILE_MAX) in a grid without overlaps', () => {
    const layout = layoutScenario(memfdScenario(128).files);
    expect(layout.nodes).toHaveLength(128);
    expect(new Set(layout.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(128);
    expect(overlaps(layout)).toBe(false);
    expect(layout.width).toBeLessThan(4000);
    expect(layout.height).toBeLessThan(1500);
  });

  it('centres loose files under the layered part, in reading order', () => {
    const layout = layoutScenario(findScenario('freeze-failure')!.files);
    expect(layout.nodes.map((n) => n.id)).toEqual(['dev', 'ctl', 'ram']);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(NODE_WIDTH / 2);
      expect(n.x).toBeLessThanOrEqual(layout.width - NODE_WIDTH / 2);
      expect(n.y).toBeLessThanOrEqual(layout.height - NODE_HEIGHT / 2);
    }
  });
});
