import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERRNO_NAMES, SWITCH_NAMES } from '../engine';
import { fixedScenarioTraceArb, traceJsonArb } from './arbitraries';
import type { TraceDoc } from './index';
import { replayText, replayTrace, validateTrace } from './index';

function parse(json: Record<string, unknown>): TraceDoc {
  const r = validateTrace({ format: 'luoscope/trace@1', ...json });
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

const VM_AND_GMEM = [
  { id: 'vm', type: 'kvm-vm' },
  { id: 'g', type: 'guest_memfd', deps: ['vm'] },
];
const OUTGOING = [
  { op: 'createSession', name: 's' },
  { op: 'preserve', session: 's', file: 'vm', token: 1 },
  { op: 'preserve', session: 's', file: 'g', token: 2 },
  { op: 'kexec' },
  { op: 'retrieveSession', name: 's', as: 'S1' },
];

describe('replayTrace', () => {
  it('prints the replay result of TRACE-FORMAT: every switch resolved, one entry per step', () => {
    const doc = parse({
      variant: 'B',
      switches: { strictErrno: 'ENOENT' },
      files: VM_AND_GMEM,
      steps: [...OUTGOING, { op: 'retrieve', session: 'S1', token: 2 }],
    });
    const r = replayTrace(doc);
    expect(Object.keys(r)).toEqual(['format', 'variant', 'switches', 'steps', 'outcome']);
    expect(r.format).toBe('luoscope/replay@1');
    expect(Object.keys(r.switches)).toEqual([...SWITCH_NAMES]);
    expect(r.switches).toMatchObject({ incomingDepPolicy: 'strict', strictErrno: 'ENOENT' });
    expect(r.steps.map((s) => [s.index, s.op, s.result])).toEqual([
      [0, 'createSession', 'ok'],
      [1, 'preserve', 'ok'],
      [2, 'preserve', 'ok'],
      [3, 'kexec', 'ok'],
      [4, 'retrieveSession', 'ok'],
      [5, 'retrieve', 'ENOENT'],
    ]);
    expect(Object.keys(r.steps[5]!)).toEqual(['index', 'op', 'result', 'reason', 'callbacks']);
    expect(r.steps[5]!.reason).toMatch(/must be retrieved first/);
    expect(Object.keys(r.outcome)).toEqual([
      'boots',
      'orphans',
      'dataLoss',
      'stuckSessions',
      'mismatches',
    ]);
  });

  it('reports every expect that did not hold', () => {
    const doc = parse({
      variant: 'A',
      files: VM_AND_GMEM,
      steps: [
        { op: 'createSession', name: 's', expect: 'ok' },
        { op: 'preserve', session: 's', file: 'g', token: 2, expect: 'ok' },
        { op: 'preserve', session: 's', file: 'vm', token: 1, expect: 'EBUSY' },
        { op: 'finish', session: 's', expect: 'EINVAL' },
      ],
    });
    expect(replayTrace(doc).outcome.mismatches).toEqual([
      { step: 1, expected: 'ok', actual: 'ENOENT' },
      { step: 2, expected: 'EBUSY', actual: 'ok' },
    ]);
  });

  it('variant D: closing the session with an orphan in the making leaves it stuck, detected', () => {
    const doc = parse({
      variant: 'D',
      files: VM_AND_GMEM,
      steps: [
        ...OUTGOING,
        { op: 'retrieve', session: 'S1', token: 2 },
        { op: 'closeSession', session: 'S1', expect: 'ok' },
        { op: 'retrieveSession', name: 's', as: 'S2', expect: 'EINVAL' },
      ],
    });
    const r = replayTrace(doc);
    expect(r.steps[6]!.callbacks.map((c) => `${c.cb}(${c.file})=${c.result}`)).toEqual([
      'can_finish(g)=EBUSY',
    ]);
    expect(r.outcome).toEqual({
      boots: 1,
      orphans: [{ file: 'g', dependsOn: 'vm', detected: true }],
      dataLoss: [],
      stuckSessions: ['s'],
      mismatches: [],
    });
  });

  it('a memfd finished without being retrieved is data loss; status 0 in its finish callback', () => {
    const doc = parse({
      variant: 'A',
      files: [{ id: 'm1', type: 'memfd' }],
      steps: [
        { op: 'createSession', name: 's' },
        { op: 'preserve', session: 's', file: 'm1', token: 1 },
        { op: 'kexec' },
        { op: 'retrieveSession', name: 's' },
        { op: 'finish', session: 's' },
      ],
    });
    const r = replayTrace(doc);
    expect(r.steps[4]!.callbacks).toEqual([
      { cb: 'finish', file: 'm1', session: 's', result: 'ok', status: 0 },
    ]);
    expect(r.outcome.dataLoss).toEqual(['m1']);
  });

  it('a file created in a later boot has no fd before it: EBADF, then preservable there', () => {
    const doc = parse({
      variant: 'A',
      files: [{ id: 'm2', type: 'memfd', boot: 1 }],
      steps: [
        { op: 'createSession', name: 's' },
        { op: 'preserve', session: 's', file: 'm2', token: 1, expect: 'EBADF' },
        { op: 'kexec' },
        { op: 'createSession', name: 's', as: 'T' },
        { op: 'preserve', session: 'T', file: 'm2', token: 1, expect: 'ok' },
        { op: 'preserve', session: 's', file: 'm2', token: 2, expect: 'EBADF' },
      ],
    });
    expect(replayTrace(doc).outcome.mismatches).toEqual([]);
  });

  // TRACE-FORMAT "Steps": "A handle whose createSession/retrieveSession failed ... holds no fd:
  // a step that uses it gets EBADF", also when the failed call reuses a handle that held a
  // session fd (the engine kept the old fd until 84e2210).
  it('a handle whose createSession or retrieveSession failed holds no fd: EBADF', () => {
    const doc = parse({
      variant: 'A',
      files: [{ id: 'm1', type: 'memfd' }],
      steps: [
        { op: 'createSession', name: 's', as: 'H', expect: 'ok' },
        { op: 'createSession', name: 's', as: 'H', expect: 'EEXIST' },
        { op: 'preserve', session: 'H', file: 'm1', token: 1, expect: 'EBADF' },
        { op: 'closeSession', session: 'H', expect: 'EBADF' },
        { op: 'kexec', expect: 'ok' },
        { op: 'retrieveSession', name: 's', as: 'R', expect: 'ok' },
        { op: 'retrieveSession', name: 's', as: 'R', expect: 'EINVAL' },
        { op: 'retrieve', session: 'R', token: 1, expect: 'EBADF' },
      ],
    });
    expect(replayTrace(doc).outcome.mismatches).toEqual([]);
  });

  it('replayText refuses what parseTrace refuses, with the same message', () => {
    expect(replayText('{"format":"luoscope/trace@1","variant":"A","files":[],"steps":7}')).toEqual({
      ok: false,
      error: 'steps: must be an array of steps',
    });
  });
});

describe('every document validateTrace accepts replays without an exception', () => {
  const check = (json: Record<string, unknown>) => {
    const parsed = validateTrace(json);
    if (!parsed.ok) throw new Error(parsed.error);
    const r = replayTrace(parsed.doc);
    expect(r.steps).toHaveLength(parsed.doc.steps.length);
    for (const s of r.steps) expect(['ok', ...ERRNO_NAMES]).toContain(s.result);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  };

  it('(random documents over every file type, op and switch)', () => {
    fc.assert(fc.property(fixedScenarioTraceArb(40), check), { numRuns: 500 });
  });

  it('(random scenarios: files of every type, dependencies, cycles, later boots)', () => {
    fc.assert(fc.property(traceJsonArb(), check), { numRuns: 300 });
  });
});
