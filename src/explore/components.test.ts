/**
 * The explorer by independent parts against the whole-scenario explorer (every shape) and the
 * naive enumerator (small scenarios): identical counts per set of classes, identical witness
 * lengths, and every witness replays through the trace format to its class.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileSpec, FileType, Variant } from '../engine';
import { DEFAULT_MODEL, VARIANTS, resolveSwitches } from '../engine';
import { dependencyParts, exploreByParts } from './components';
import { Coupled } from './ending';
import { exploreExact } from './exact';
import { naiveShapedCounts } from './naive';
import type { RunClass } from './runs';
import { BIT, CLASSES, hasClass } from './runs';
import type { RunShape } from './shape';
import { DEFAULT_SHAPE } from './shape';
import { f, replayedBits } from './testing';

const FIXED: Record<string, FileSpec[]> = {
  'vm+gmem, memfd': [f('vm', 'kvm-vm'), f('g', 'guest_memfd', ['vm']), f('m', 'memfd')],
  'two vms': [
    f('a', 'kvm-vm'),
    f('ag', 'guest_memfd', ['a']),
    f('b', 'kvm-vm'),
    f('bc', 'kvm-vcpu', ['b'], { running: true }),
  ],
  'vm, iommu+nic (irqs on)': [
    f('vm', 'kvm-vm'),
    f('g', 'guest_memfd', ['vm']),
    f('m', 'memfd', [], { sealed: true }),
    f('i', 'iommufd', ['m']),
    f('n', 'vfio-pci', ['i']),
  ],
  'vm, iommu+nic (irqs off): a failed freeze after a reset': [
    f('m', 'memfd', [], { sealed: true }),
    f('i', 'iommufd', ['m']),
    f('n', 'vfio-pci', ['i'], { irqsEnabled: false }),
    f('vm', 'kvm-vm'),
    f('g', 'guest_memfd', ['vm']),
  ],
  'generic refusers': [
    f('x', 'generic', [], { canFinish: false }),
    f('y', 'generic'),
    f('z', 'generic', ['y']),
  ],
};

const SHAPES: RunShape[] = [
  DEFAULT_SHAPE,
  { sessions: 2, kexecs: 1, setSteps: false },
  { sessions: 1, kexecs: 2, setSteps: false },
  { sessions: 1, kexecs: 1, setSteps: true },
];

/** Counts by class bits, with the runs of a failed kexec added up whatever else they are in. */
function orderFree(byBits: Record<number, bigint> | undefined) {
  const out: Record<string, bigint> = {};
  for (const [bits, n] of Object.entries(byBits ?? {})) {
    const key = Number(bits) & BIT.rebootFailed ? 'rebootFailed' : bits;
    out[key] = (out[key] ?? 0n) + n;
  }
  return out;
}

/**
 * By parts against the whole explorer, and against the naive enumerator when `naive`. The
 * whole explorer forgets the order of the preserves, which decides whether a failed kexec
 * leaves a device reset (docs/explore.md): against it, failed kexecs are compared as a whole.
 */
function same(files: FileSpec[], variant: Variant, shape: RunShape, naive = false) {
  const switches = resolveSwitches(variant);
  const whole = exploreExact(files, switches, { shape, parts: false });
  const parts = exploreExact(files, switches, { shape, parts: true });
  expect(orderFree(parts.byBits)).toEqual(orderFree(whole.byBits));
  for (const c of CLASSES) {
    const w = parts.witnesses[c];
    if (c !== 'deviceReset') expect(w?.length, c).toBe(whole.witnesses[c]?.length);
    if (w) expect(hasClass(replayedBits(files, variant, w), c as RunClass), c).toBe(true);
  }
  if (naive) {
    const slow = naiveShapedCounts(files, switches, shape);
    expect(parts.classes).toEqual(slow.classes);
    for (const c of CLASSES) expect(parts.witnesses[c]?.length, c).toBe(slow.shortest[c]);
  }
}

describe('parts of a scenario', () => {
  it('are the files linked by dependencies, either way', () => {
    const parts = dependencyParts(FIXED['vm, iommu+nic (irqs on)']!);
    expect(parts).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });
});

describe('explorer by parts = whole explorer (= naive on the smallest)', () => {
  for (const [name, files] of Object.entries(FIXED)) {
    for (const shape of SHAPES) {
      const label = `${shape.sessions}s ${shape.kexecs}k${shape.setSteps ? ' set' : ''}`;
      it(`${name}, ${label}, every variant`, () => {
        for (const v of VARIANTS)
          same(files, v, shape, files.length <= 3 && shape === DEFAULT_SHAPE);
      });
    }
  }
});

const TYPES: FileType[] = ['memfd', 'kvm-vm', 'guest_memfd', 'kvm-vcpu', 'generic', 'vfio-pci'];

/** One group of files: a kind repeated, with what it needs (a VM, an iommufd on a memfd). */
const group = (prefix: string) =>
  fc
    .record({
      type: fc.constantFrom(...TYPES),
      copies: fc.integer({ min: 1, max: 2 }),
      flag: fc.boolean(),
    })
    .map(({ type, copies, flag }) => {
      const out: FileSpec[] = [];
      const id = (s: string) => `${prefix}${s}`;
      if (type === 'guest_memfd' || type === 'kvm-vcpu') out.push(f(id('vm'), 'kvm-vm'));
      if (type === 'vfio-pci') {
        out.push(f(id('m'), 'memfd', [], { sealed: true }));
        out.push(f(id('i'), 'iommufd', [id('m')]));
      }
      const deps = out.length ? [out[out.length - 1]!.id] : [];
      const extra: Partial<FileSpec> = {};
      if (type === 'generic' && flag) extra.canFinish = false;
      if (type === 'kvm-vcpu' && flag) extra.running = true;
      if (type === 'memfd' && flag) extra.sealed = true;
      for (let c = 0; c < copies; c++) out.push(f(id(`f${c}`), type, deps, extra));
      return out;
    });

const scenario = fc
  .tuple(group('a'), group('b'), fc.option(group('c'), { nil: undefined }))
  .map(([a, b, c]) => [...a, ...b, ...(c ?? [])])
  .filter((files) => files.length <= 6);

describe('property: by parts = whole, on random scenarios of independent groups', () => {
  it('every shape', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(...VARIANTS),
        fc.constantFrom(...SHAPES),
        (files, v, s) => same(files, v, s),
      ),
      { numRuns: 40 },
    );
  }, 300_000);
  it('every shape, against the naive enumerator', () => {
    fc.assert(
      fc.property(
        scenario.filter((files) => files.length <= 4),
        fc.constantFrom(...VARIANTS),
        fc.constantFrom(...SHAPES),
        (files, v, s) => same(files, v, s, true),
      ),
      { numRuns: 30 },
    );
  }, 300_000);
});

describe('where parts meet', () => {
  it('explores parts on their own where nothing links them at the kexec', () => {
    const files = FIXED['two vms']!;
    const r = exploreByParts(files, resolveSwitches('A'), DEFAULT_MODEL, DEFAULT_SHAPE, 1e5, {});
    expect(r.result.runs).toBe(exploreExact(files, resolveSwitches('A'), { parts: false }).runs);
  });
  it('leaves a hang (a dependency cycle) to the whole explorer', () => {
    const files = [f('p', 'generic', ['q']), f('q', 'generic', ['p']), f('m', 'memfd')];
    const run = () =>
      exploreByParts(files, resolveSwitches('C'), DEFAULT_MODEL, DEFAULT_SHAPE, 1e5, {});
    expect(run).toThrow(Coupled);
    same(files, 'C', DEFAULT_SHAPE);
  });
});
