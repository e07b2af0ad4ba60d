import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileSpec } from '../engine';
import { PRESETS, file, findScenario, memfdScenario } from '../scenarios';
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

type P = { x: number; y: number };
const cross = (o: P, a: P, b: P) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Pairs of layered edges whose straight node-centre segments properly cross. */
function crossings(layout: GraphLayout): number {
  const segs = layout.edges
    .filter((e) => !e.back)
    .map((e) => [pos(layout, e.from), pos(layout, e.to)]);
  let count = 0;
  segs.forEach(([a, b], i) => {
    for (const [c, d] of segs.slice(i + 1)) {
      if ([c, d].includes(a!) || [c, d].includes(b!)) continue;
      if (cross(a!, b!, c!) * cross(a!, b!, d!) < 0 && cross(c!, d!, a!) * cross(c!, d!, b!) < 0)
        count++;
    }
  });
  return count;
}

/** The points a path passes through (the ends of its segments), not its control points. */
function pathPoints(d: string): P[] {
  return d.split(/ (?=[MC])/).map((seg) => {
    const nums = seg.slice(1).split(/[ ,]/).map(Number);
    return { x: nums[nums.length - 2]!, y: nums[nums.length - 1]! };
  });
}

/** Same files, new objects: the layout must not hang on identity. */
const copy = (files: readonly FileSpec[]) => files.map((f) => ({ ...f, deps: [...f.deps] }));

const ALL = [...PRESETS, findScenario('bench-128')!];

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

  it.each(ALL.map((s) => [s.id, s.files] as const))(
    '%s: no overlaps, dependencies above dependents, deterministic, cached',
    (_, files) => {
      const layout = layoutScenario(files);
      expect(overlaps(layout)).toBe(false);
      for (const e of layout.edges.filter((e) => !e.back)) {
        expect(pos(layout, e.to).y, e.id).toBeLessThanOrEqual(pos(layout, e.from).y - NODE_HEIGHT);
      }
      expect(layoutScenario(files)).toBe(layout);
      expect(layoutScenario(copy(files))).toEqual(layout);
      for (const n of layout.nodes) {
        expect(n.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(0);
        expect(n.x + NODE_WIDTH / 2).toBeLessThanOrEqual(layout.width);
        expect(n.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(layout.height);
      }
    },
  );

  it.each(['vm-full', 'vfio-chain'])('draws %s without edge crossings', (id) => {
    const layout = layoutScenario(findScenario(id)!.files);
    expect(crossings(layout)).toBe(0);
  });

  it('counts crossings (the checker itself)', () => {
    const layout: GraphLayout = {
      nodes: [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 100, y: 0 },
        { id: 'c', x: 0, y: 100 },
        { id: 'd', x: 100, y: 100 },
      ],
      edges: [
        { id: 'c->b', from: 'c', to: 'b', d: '', back: false },
        { id: 'd->a', from: 'd', to: 'a', d: '', back: false },
      ],
      width: 200,
      height: 200,
    };
    expect(crossings(layout)).toBe(1);
  });

  it('packs 128 memfds in a grid at most ~2 000 px wide', () => {
    const layout = layoutScenario(memfdScenario(128).files);
    expect(layout.width).toBeLessThanOrEqual(2000);
    expect(new Set(layout.nodes.map((n) => n.x)).size).toBeGreaterThan(1);
  });

  it('routes a long edge between the files of the layers it crosses', () => {
    // z depends on r directly and through x -> y: z->r crosses the layers of x and y.
    const files = [
      file('r', 'memfd'),
      file('x', 'generic', ['r']),
      file('y', 'generic', ['x']),
      file('z', 'generic', ['y', 'r']),
      file('w', 'generic', ['r']),
    ];
    const layout = layoutScenario(files);
    const long = layout.edges.find((e) => e.id === 'z->r')!;
    const points = pathPoints(long.d);
    expect(points.length).toBeGreaterThan(4);
    for (const p of points.slice(1, -1)) {
      for (const n of layout.nodes) {
        const inside =
          Math.abs(p.x - n.x) < NODE_WIDTH / 2 && Math.abs(p.y - n.y) < NODE_HEIGHT / 2;
        expect(inside, `${p.x},${p.y} in ${n.id}`).toBe(false);
      }
    }
    expect(crossings(layout)).toBe(0);
  });

  it('lays out any dependency graph of up to 16 generic files', () => {
    const graph = fc.integer({ min: 1, max: 16 }).chain((n) =>
      fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(graph, (deps) => {
        const files = deps.map((d, i) =>
          file(
            `f${i}`,
            'generic',
            d.map((j) => `f${j}`),
          ),
        );
        const layout = layoutScenario(files);
        expect(layout.nodes).toHaveLength(files.length);
        expect(overlaps(layout)).toBe(false);
        for (const n of layout.nodes) expect(Number.isFinite(n.x + n.y)).toBe(true);
        for (const e of layout.edges) expect(e.d).toMatch(/^M[\d.]+,[\d.]+ C[^N]+$/);
        for (const e of layout.edges.filter((e) => !e.back)) {
          expect(pos(layout, e.to).y).toBeLessThan(pos(layout, e.from).y);
        }
        expect(layoutScenario(copy(files))).toEqual(layout);
      }),
    );
  });
});
