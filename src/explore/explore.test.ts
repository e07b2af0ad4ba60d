import { describe, expect, it } from 'vitest';
import type { FileId, FileSpec, FileType, LuoState, Result } from '../engine';
import { VARIANTS, createState, resolveSwitches, step } from '../engine';
import { explore } from './explore';
import { forEachRun, naiveCounts } from './naive';
import type { RunClass } from './runs';
import { BIT, classBits, isReported } from './runs';

function file(
  id: string,
  type: FileType,
  deps: string[] = [],
  extra: Partial<FileSpec> = {},
): FileSpec {
  return { id: id as FileId, type, deps: deps as FileId[], boot: 0, ...extra };
}

const seed = [file('vm', 'kvm-vm'), file('gmem', 'guest_memfd', ['vm'])];
const SMALL: Record<string, FileSpec[]> = {
  seed,
  'seed+memfd': [...seed, file('m1', 'memfd')],
  cycle: [file('a', 'generic', ['b']), file('b', 'generic', ['a'])],
  'vfio-chain': [
    file('m', 'memfd', [], { sealed: true }),
    file('iommu', 'iommufd', ['m']),
    file('dev', 'vfio-pci', ['iommu'], { irqsEnabled: true }),
  ],
  'freeze-failure': [file('f1', 'generic'), file('f2', 'generic', [], { freezeError: 'EINVAL' })],
  'vcpu+gmem': [
    file('vm', 'kvm-vm'),
    file('cpu', 'kvm-vcpu', ['vm']),
    file('gmem', 'guest_memfd', ['vm']),
  ],
};

describe('explorer counts equal brute force', () => {
  for (const [name, files] of Object.entries(SMALL)) {
    for (const variant of VARIANTS) {
      it(`${name} under ${variant}`, () => {
        const switches = resolveSwitches(variant);
        const fast = explore(files, switches);
        const slow = naiveCounts(files, switches);
        expect(fast.runs).toBe(slow.runs);
        expect(fast.classes).toEqual(slow.classes);
      });
    }
  }
});

function replayAll(
  files: readonly FileSpec[],
  variant: (typeof VARIANTS)[number],
  steps: ReturnType<typeof explore>['witnesses']['clean'],
) {
  let state: LuoState = createState(files, resolveSwitches(variant));
  const results: Result[] = [];
  for (const s of steps ?? []) {
    const out = step(state, s);
    state = out.state;
    results.push(out.result.result);
  }
  return { state, results };
}

describe('witnesses', () => {
  it('are shortest runs that really fall in their class', () => {
    for (const variant of VARIANTS) {
      const files = SMALL['seed+memfd']!;
      const result = explore(files, resolveSwitches(variant));
      let shortest = new Map<number, number>();
      forEachRun(files, resolveSwitches(variant), (steps, bits) => {
        for (const b of [0, ...Object.values(BIT)]) {
          const has = b === 0 ? bits === 0 : (bits & b) !== 0;
          if (has) shortest.set(b, Math.min(shortest.get(b) ?? Infinity, steps.length));
        }
      });
      for (const [cls, steps] of Object.entries(result.witnesses)) {
        const b = cls === 'clean' ? 0 : BIT[cls as keyof typeof BIT];
        expect(steps!.length, `${variant} ${cls}`).toBe(shortest.get(b));
        const { state, results } = replayAll(files, variant, steps);
        const kexecIndex = steps!.findIndex((s) => s.op === 'kexec');
        if (results[kexecIndex] !== 'ok') {
          expect(cls).toBe('rebootFailed');
          continue;
        }
        const finishIndex = steps!.findIndex((s) => s.op === 'finish');
        const bits = classBits(state, finishIndex >= 0 ? results[finishIndex] : undefined);
        expect(cls === 'clean' ? bits === 0 : (bits & b) !== 0, `${variant} ${cls}`).toBe(true);
      }
      shortest = new Map();
    }
  });
});

describe('the seed scenario, class by class (runs per variant)', () => {
  // VM + guest_memfd, tokens vm=1, gmem=2. Each row: the count of runs in that class.
  const table = Object.fromEntries(
    VARIANTS.map((v) => {
      const r = explore(seed, resolveSwitches(v));
      const reported = Object.entries(r.classes).filter(([k, n]) => isReported(k as RunClass, n));
      return [v, Object.fromEntries(reported.map(([k, n]) => [k, Number(n)]))];
    }),
  );
  it('under A, retrieving guest_memfd alone then finishing orphans it silently', () => {
    expect(table.A!.orphanSilent).toBeGreaterThan(0);
    expect(table.A!.orphanDetected).toBe(0);
  });
  it('under B no run orphans a file', () => {
    expect(table.B!.orphanSilent).toBe(0);
    expect(table.B!.orphanDetected).toBe(0);
  });
  it('under C the orphan is as silent as under A, and more orderings reach it', () => {
    // C also accepts guest_memfd preserved before its VM, so more runs get to boot 1.
    expect(table.C!.orphanDetected).toBe(0);
    expect(table.C!.orphanSilent).toBeGreaterThan(table.A!.orphanSilent!);
  });
  it('under D every orphan is detected and FINISH refuses some runs', () => {
    expect(table.D!.orphanSilent).toBe(0);
    expect(table.D!.orphanDetected).toBeGreaterThan(0);
    expect(table.D!.finishRefused).toBeGreaterThan(0);
  });
  // Under A by hand: 5 preserve orders ([], [vm], [gmem] -> ENOENT, [vm,gmem], [gmem,vm]);
  // only [vm,gmem] brings both across: 5 retrieve orders x {finish, close} = 10 runs, of
  // which "retrieve gmem only" orphans it (2), "nothing" or "vm only" lose its pages (4).
  // The other four orders give 2 + 4 + 2 + 4 = 12 clean runs, [vm,gmem] 4 more: 16 clean.
  it('matches the table', () => {
    expect(table).toMatchInlineSnapshot(`
      {
        "A": {
          "clean": 16,
          "dataLoss": 4,
          "finishRefused": 0,
          "orphanDetected": 0,
          "orphanSilent": 2,
          "rebootFailed": 0,
        },
        "B": {
          "clean": 14,
          "dataLoss": 8,
          "finishRefused": 0,
          "orphanDetected": 0,
          "orphanSilent": 0,
          "rebootFailed": 0,
        },
        "C": {
          "clean": 14,
          "dataLoss": 8,
          "finishRefused": 0,
          "orphanDetected": 0,
          "orphanSilent": 4,
          "rebootFailed": 1,
        },
        "D": {
          "clean": 14,
          "dataLoss": 8,
          "finishRefused": 2,
          "orphanDetected": 4,
          "orphanSilent": 0,
          "rebootFailed": 1,
        },
      }
    `);
  });
});
