import { describe, expect, it } from 'vitest';
import type { FileId } from '../engine';
import { findScenario } from '../scenarios';
import { parseTrace, serializeTrace } from '../trace';
import { createAppStore } from './createAppStore';
import { selectNodeView, selectOrphanCount } from './selectors';
import {
  TRACE_SCENARIO_ID,
  currentTrace,
  scenarioOfTrace,
  traceOf,
  workOf,
  workOfTrace,
} from './work';

const id = (s: string) => s as FileId;

function threadExample() {
  const store = createAppStore({ variant: 'A', overrides: { strictErrno: 'ENOENT' } });
  const s = store.getState();
  s.activate(id('vm'));
  s.activate(id('gmem'));
  s.perform([{ op: 'kexec' }]);
  store.getState().activate(id('gmem'));
  store.getState().perform([{ op: 'finish', session: 'vmm@1' as never, reserved: 0 }]);
  return store;
}

describe('currentTrace', () => {
  it('holds the scenario, variant, overrides and every step with its result', () => {
    const doc = currentTrace(threadExample().getState());
    expect(doc.title).toBe(findScenario('seed')!.title);
    expect(doc.variant).toBe('A');
    expect(doc.switches).toEqual({ strictErrno: 'ENOENT' });
    expect(doc.files.map((f) => f.id)).toEqual(['vm', 'gmem']);
    expect(doc.steps.map((s) => `${s.op}:${s.expect}`)).toEqual([
      'createSession:ok',
      'preserve:ok',
      'preserve:ok',
      'kexec:ok',
      'retrieveSession:ok',
      'retrieve:ok',
      'finish:ok',
    ]);
    // A valid document: it serializes and parses back to itself.
    const back = parseTrace(serializeTrace(doc));
    expect(back).toEqual({ ok: true, doc });
  });

  it('stops at the position: the steps redo would bring back are not in it', () => {
    const store = threadExample();
    store.getState().jumpTo(4);
    expect(currentTrace(store.getState()).steps).toHaveLength(4);
    expect(traceOf(store.getState(), 7).steps).toHaveLength(7);
  });
});

describe('workOfTrace', () => {
  it('reopens a trace of a preset on the preset, at its last step', () => {
    const store = threadExample();
    const work = workOfTrace(currentTrace(store.getState()));
    expect(work.scenario).toBe(findScenario('seed'));
    expect(work).toMatchObject({ variant: 'A', overrides: { strictErrno: 'ENOENT' } });
    expect(work.position).toBe(7);
    expect(work.actions).toEqual(workOf(store.getState()).actions);
    expect(work.actions.some((a) => 'expect' in a)).toBe(false);
    const other = createAppStore();
    other.getState().openWork(work, 'opened');
    expect(selectOrphanCount(other.getState())).toBe(1);
    expect(other.getState().announcement.text).toBe('opened');
  });

  it('makes a scenario of a trace that is no preset, titled as the trace', () => {
    const doc = {
      variant: 'B' as const,
      switches: {},
      files: [{ id: id('m'), type: 'memfd' as const, deps: [], boot: 0 }],
      steps: [],
    };
    const s = scenarioOfTrace({ ...doc, title: '<b>mine</b>' });
    expect([s.id, s.title]).toEqual([TRACE_SCENARIO_ID, '<b>mine</b>']);
    expect(scenarioOfTrace(doc).title).toBe('Untitled trace');
    // The seed's files under another title are the trace's own scenario.
    const seed = findScenario('seed')!;
    expect(scenarioOfTrace({ ...doc, files: [...seed.files] })).toBe(seed);
    expect(scenarioOfTrace({ ...doc, files: [...seed.files], title: 'x' }).id).toBe('trace');
  });

  it('uses the hinted bench scenario when its files match', () => {
    const bench = findScenario('bench-4')!;
    const store = createAppStore({ scenario: bench });
    store.getState().activate(id('m2'));
    const work = workOfTrace(currentTrace(store.getState()), 1, 'bench-4');
    expect(work.scenario.id).toBe('bench-4');
    expect(work.position).toBe(1);
    const opened = createAppStore({ ...work });
    expect(selectNodeView('m2')(opened.getState())?.state).toBe('live');
  });
});
