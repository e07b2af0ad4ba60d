/**
 * The exact explorer against its two oracles: today's explorer (default shape) and the naive
 * enumerator (every shape), on fixed and on random scenarios with interchangeable files.
 * Witnesses are replayed through the trace format to a document of their class.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileSpec, Variant } from '../engine';
import { VARIANTS, resolveSwitches } from '../engine';
import { exploreExact } from './exact';
import { explore } from './explore';
import { naiveShapedCounts } from './naive';
import type { RunClass } from './runs';
import { CLASSES, hasClass } from './runs';
import type { RunShape } from './shape';
import { DEFAULT_SHAPE } from './shape';
import { f, replayedBits, scenarios } from './testing';

const FIXED: Record<string, FileSpec[]> = {
  seed: [f('vm', 'kvm-vm'), f('g', 'guest_memfd', ['vm'])],
  '2 running vcpus alone': [f('c0', 'kvm-vcpu', ['vm'], { running: true }), f('vm', 'kvm-vm')],
  'vm+3vcpu': [f('vm', 'kvm-vm'), ...[0, 1, 2].map((i) => f(`c${i}`, 'kvm-vcpu', ['vm']))],
  'gmem+2vcpu': [
    f('vm', 'kvm-vm'),
    f('g', 'guest_memfd', ['vm']),
    f('c0', 'kvm-vcpu', ['vm']),
    f('c1', 'kvm-vcpu', ['vm']),
  ],
  '3memfd': [f('m0', 'memfd'), f('m1', 'memfd'), f('m2', 'memfd', [], { sealed: true })],
  'running vcpus': [
    f('vm', 'kvm-vm'),
    f('c0', 'kvm-vcpu', ['vm'], { running: true }),
    f('c1', 'kvm-vcpu', ['vm'], { running: true }),
  ],
  'iommu+2nic': [
    f('m', 'memfd'),
    f('i', 'iommufd', ['m']),
    f('n0', 'vfio-pci', ['i'], { irqsEnabled: true }),
    f('n1', 'vfio-pci', ['i'], { irqsEnabled: true }),
  ],
  'generic pair': [f('a', 'generic'), f('b', 'generic'), f('x', 'generic', ['a', 'b'])],
  // Whether the device is preserved before the guest_memfd whose freeze fails decides whether
  // the failed kexec leaves it reset: the order of the preserves matters.
  'nic reset, then a failing freeze': [
    f('m', 'memfd', [], { sealed: true }),
    f('i', 'iommufd', ['m']),
    f('n', 'vfio-pci', ['i'], { irqsEnabled: false }),
    f('vm', 'kvm-vm'),
    f('g', 'guest_memfd', ['vm']),
  ],
};

const SHAPES: RunShape[] = [
  DEFAULT_SHAPE,
  { sessions: 2, kexecs: 1, setSteps: false },
  { sessions: 1, kexecs: 2, setSteps: false },
  { sessions: 1, kexecs: 1, setSteps: true },
  { sessions: 2, kexecs: 2, setSteps: true },
];

function agree(files: FileSpec[], variant: Variant, shape: RunShape) {
  const switches = resolveSwitches(variant);
  const fast = exploreExact(files, switches, { shape });
  const slow = naiveShapedCounts(files, switches, shape);
  expect(fast.runs).toBe(slow.runs);
  expect(fast.classes).toEqual(slow.classes);
  for (const c of CLASSES) {
    const w = fast.witnesses[c];
    expect(w?.length, c).toBe(slow.shortest[c]);
    if (w) expect(hasClass(replayedBits(files, variant, w), c as RunClass), c).toBe(true);
  }
  return fast;
}

describe('exact explorer = naive enumerator, per shape', () => {
  for (const [name, files] of Object.entries(FIXED)) {
    for (const shape of SHAPES) {
      // The naive enumerator grows fastest with two sessions and two kexecs: small ones only.
      if (shape.sessions * shape.kexecs > 2 && files.length > 2) continue;
      // With several sessions the order of the preserves is still forgotten (docs/explore.md).
      if (name.startsWith('nic reset') && shape.sessions > 1) continue;
      const label = `${shape.sessions}s ${shape.kexecs}k${shape.setSteps ? ' set' : ''}`;
      it(`${name}, ${label}, every variant`, () => {
        for (const v of VARIANTS) agree(files, v, shape);
      });
    }
  }
});

describe('property: exact = oracles on random scenarios with duplicated files', () => {
  it('default shape: equals today’s explorer (counts, classes, witness lengths)', () => {
    fc.assert(
      fc.property(scenarios(6), fc.constantFrom(...VARIANTS), (files, v) => {
        const a = explore(files, resolveSwitches(v));
        const b = exploreExact(files, resolveSwitches(v));
        expect(b.runs).toBe(a.runs);
        expect(b.classes).toEqual(a.classes);
        for (const c of CLASSES) expect(b.witnesses[c]?.length, c).toBe(a.witnesses[c]?.length);
      }),
      { numRuns: 60 },
    );
  }, 300_000);
  it('every shape: equals the naive enumerator', () => {
    fc.assert(
      fc.property(
        scenarios(4),
        fc.constantFrom(...VARIANTS),
        fc.constantFrom(...SHAPES.slice(0, 4)),
        (files, v, s) => {
          agree(files, v, s);
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
