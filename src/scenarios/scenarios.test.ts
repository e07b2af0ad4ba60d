import { describe, expect, it } from 'vitest';
import { createState, handlerFor, resolveSwitches, step } from '../engine';
import type { FileId, SessionHandle, Step, Token } from '../engine';
import { DEFAULT_SCENARIO, PRESETS, findScenario, memfdScenario } from './index';

describe('presets', () => {
  it('are the five of the issue and the two of issue 14, seed first', () => {
    expect(PRESETS.map((s) => s.id)).toEqual([
      'seed',
      'vm-full',
      'vfio-chain',
      'cycle',
      'freeze-failure',
      'vm-64',
      'vms-128',
    ]);
    expect(findScenario('vm-64')!.files).toHaveLength(66);
    expect(findScenario('vms-128')!.files).toHaveLength(128);
    expect(DEFAULT_SCENARIO.id).toBe('seed');
  });

  it.each(PRESETS.map((s) => [s.id, s] as const))('%s follows the dependency rules', (_, s) => {
    const ids = new Set(s.files.map((f) => f.id));
    expect(ids.size).toBe(s.files.length);
    for (const f of s.files) {
      for (const d of f.deps) expect(ids.has(d)).toBe(true);
      const rule = handlerFor(f.type)?.deps;
      if (!rule) continue;
      expect(f.deps.length).toBeGreaterThanOrEqual(rule.min);
      expect(f.deps.length).toBeLessThanOrEqual(rule.max);
      if (rule.types === 'any') continue;
      for (const d of f.deps) {
        const dep = s.files.find((x) => x.id === d)!;
        expect(rule.types).toContain(dep.type);
      }
    }
  });

  it('seed under A: gmem is preserved after vm', () => {
    let state = createState(findScenario('seed')!.files, resolveSwitches('A'));
    const S = 'S' as SessionHandle;
    const steps: Step[] = [
      { op: 'createSession', name: 'vmm', as: S },
      { op: 'preserve', session: S, file: 'vm' as FileId, token: 1 as Token },
      { op: 'preserve', session: S, file: 'gmem' as FileId, token: 2 as Token },
    ];
    for (const s of steps) {
      const out = step(state, s);
      expect(out.result.result).toBe('ok');
      state = out.state;
    }
  });
});

describe('bench scenarios', () => {
  it('are found by id up to 128 memfds', () => {
    expect(findScenario('bench-128')?.files).toHaveLength(128);
    expect(findScenario('bench-129')).toBeUndefined();
    expect(findScenario('bench-0')).toBeUndefined();
    expect(memfdScenario(3).files.map((f) => f.id)).toEqual(['m0', 'm1', 'm2']);
  });
});
