import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileSpec } from '../engine';
import { PRESETS, file, findScenario } from '../scenarios';
import { fileGroups, layoutGrouped } from './groups';
import { NODE_HEIGHT, NODE_WIDTH, layoutScenario, widthOf } from './index';
import type { GraphLayout } from './index';

type P = { x: number; y: number };

/** Points along every edge: each cubic of its path sampled at 21 places. */
function samples(d: string): P[] {
  const nums = d.match(/-?[\d.]+/g)!.map(Number);
  const out: P[] = [];
  let [x0, y0] = [nums[0]!, nums[1]!];
  for (let i = 2; i + 5 < nums.length + 1; i += 6) {
    const [ax, ay, bx, by, x1, y1] = nums.slice(i, i + 6) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let s = 0; s <= 20; s++) {
      const t = s / 20;
      const u = 1 - t;
      out.push({
        x: u * u * u * x0 + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * x1,
        y: u * u * u * y0 + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * y1,
      });
    }
    [x0, y0] = [x1, y1];
  }
  return out;
}

/** Every property a wrapped layout promises; returns nothing, fails with the first broken one. */
function check(layout: GraphLayout, files: readonly FileSpec[], columns: number) {
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const n = layout.nodes;
  for (let i = 0; i < n.length; i++) {
    for (let j = i + 1; j < n.length; j++) {
      const apart =
        Math.abs(n[i]!.x - n[j]!.x) >= NODE_WIDTH || Math.abs(n[i]!.y - n[j]!.y) >= NODE_HEIGHT;
      expect(apart, `${n[i]!.id} overlaps ${n[j]!.id}`).toBe(true);
    }
  }
  // The width bound: in columns (files on one line) and in px.
  const perLine = new Map<number, number>();
  for (const v of n) perLine.set(v.y, (perLine.get(v.y) ?? 0) + 1);
  expect(Math.max(...perLine.values())).toBeLessThanOrEqual(columns);
  expect(layout.width).toBeLessThanOrEqual(widthOf(columns) + 1);
  for (const v of n) {
    expect(v.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(-0.5);
    expect(v.x + NODE_WIDTH / 2).toBeLessThanOrEqual(layout.width + 0.5);
    expect(v.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(layout.height);
  }
  for (const e of layout.edges.filter((e) => !e.back)) {
    // Dependencies above dependents: the whole box, not only the centre.
    expect(at.get(e.to)!.y + NODE_HEIGHT / 2, e.id).toBeLessThan(
      at.get(e.from)!.y - NODE_HEIGHT / 2,
    );
    // An edge never runs through a file (it may touch its own two ends).
    const through = samples(e.d).flatMap((p) =>
      n
        .filter((v) => Math.abs(p.x - v.x) < NODE_WIDTH / 2 - 1)
        .filter((v) => Math.abs(p.y - v.y) < NODE_HEIGHT / 2 - 1)
        .map((v) => `${v.id} at ${p.x},${p.y}`),
    );
    expect(through, e.id).toEqual([]);
  }
  expect(layout.nodes).toHaveLength(new Set(files.map((f) => f.id)).size);
}

const copy = (files: readonly FileSpec[]) => files.map((f) => ({ ...f, deps: [...f.deps] }));
const ALL = [...PRESETS, findScenario('bench-128')!];

describe('wide layers wrap into rows', () => {
  it('64 vCPUs in 4 columns: 17 rows under the VM, not one line of 65 boxes', () => {
    const files = findScenario('vm-64')!.files;
    const layout = layoutScenario(files, 4);
    check(layout, files, 4);
    const vm = layout.nodes.find((v) => v.id === 'vm')!;
    expect(new Set(layout.nodes.filter((v) => v.id !== 'vm').map((v) => v.y)).size).toBe(17);
    // The VM is centred over its dependents; reading order is row by row.
    expect(Math.abs(vm.x - layout.width / 2)).toBeLessThanOrEqual(NODE_WIDTH / 4);
    const ys = layout.nodes.map((v) => v.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it.each(ALL.flatMap((s) => [2, 3, 4, 5, 6].map((c) => [s.id, c] as const)))(
    '%s in %i columns, grouped and expanded: no overlap, bounded, in dependency order',
    (id, columns) => {
      const files = findScenario(id)!.files;
      check(layoutScenario(files, columns), files, columns);
      const groups = fileGroups(files);
      const grouped = layoutGrouped(files, new Set(), columns);
      expect(grouped.nodes).toHaveLength(
        files.length - groups.reduce((s, g) => s + g.members.length - 1, 0),
      );
      expect(grouped.width).toBeLessThanOrEqual(widthOf(columns) + 1);
    },
  );

  it('is cached per scenario and columns, and the same for a copy', () => {
    const files = findScenario('vms-128')!.files;
    const four = layoutScenario(files, 4);
    expect(layoutScenario(files, 4)).toBe(four);
    expect(layoutScenario(copy(files), 4)).toEqual(four);
    expect(layoutScenario(files, 5)).not.toEqual(four);
    expect(layoutGrouped(files, new Set(), 4)).toBe(layoutGrouped(files, new Set(), 4));
    // Without a column count nothing wraps: today's layout.
    expect(layoutScenario(files)).toBe(layoutScenario(files, Infinity));
  });

  it('wraps any wide dependency graph (random hubs, dependents and chains)', () => {
    const graph = fc.record({
      hubs: fc.integer({ min: 1, max: 4 }),
      columns: fc.integer({ min: 2, max: 7 }),
      deps: fc.array(fc.uniqueArray(fc.nat(40), { minLength: 0, maxLength: 3 }), {
        minLength: 5,
        maxLength: 40,
      }),
    });
    fc.assert(
      fc.property(graph, ({ hubs, columns, deps }) => {
        // Files 0..hubs-1 are the hubs; file i depends on earlier files only (acyclic), often a hub.
        const files = deps.map((d, i) =>
          file(
            `f${i}`,
            'generic',
            [...new Set(d.map((j) => (j % 3 === 0 ? j % hubs : j % Math.max(1, i))))]
              .filter((j) => j < i)
              .map((j) => `f${j}`),
          ),
        );
        const layout = layoutScenario(files, columns);
        check(layout, files, columns);
        expect(layoutScenario(copy(files), columns)).toEqual(layout);
      }),
      { numRuns: 150 },
    );
  });
});
