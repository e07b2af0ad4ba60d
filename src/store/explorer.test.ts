import { describe, expect, it } from 'vitest';
import { resolveSwitches } from '../engine';
import { explore } from '../explore';
import type { ExploreMessage, ExploreRequest } from '../explore/worker';
import { findScenario, memfdScenario } from '../scenarios';
import { createAppStore } from './createAppStore';
import { selectNodeView, selectOrphanCount } from './selectors';
import type { ExploreWorker } from './slices/explorer';

/** A worker the test drives by hand: it records what it was asked and replies on demand. */
class FakeWorker implements ExploreWorker {
  request: ExploreRequest | null = null;
  terminated = false;
  private reply: ((m: ExploreMessage) => void) | null = null;
  start(request: ExploreRequest, onMessage: (m: ExploreMessage) => void) {
    this.request = request;
    this.reply = onMessage;
  }
  terminate() {
    this.terminated = true;
  }
  emit(m: ExploreMessage) {
    this.reply!(m);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const store = createAppStore({
    exploreWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
  return { store, workers, s: () => store.getState() };
}

const seedResult = (v: 'A' | 'B') => explore(findScenario('seed')!.files, resolveSwitches(v));

describe('explorer slice', () => {
  it('idle -> running -> done, with progress and one result per variant', () => {
    const { s, workers } = setup();
    expect(s().explorer.status).toBe('idle');
    s().setExploreVariant('C', false);
    s().setExploreVariant('D', false);
    s().startExplore();
    const w = workers[0]!;
    expect(s().explorer.status).toBe('running');
    expect(w.request!.jobs.map((j) => j.variant)).toEqual(['A', 'B']);
    expect(w.request!.files).toBe(s().scenario.files);
    w.emit({ type: 'progress', variant: 'A', states: 512, perSecond: 10 });
    expect(s().explorer.progress).toEqual({ variant: 'A', states: 512, perSecond: 10 });
    w.emit({ type: 'result', variant: 'A', result: seedResult('A') });
    w.emit({ type: 'result', variant: 'B', result: seedResult('B') });
    w.emit({ type: 'done' });
    expect(s().explorer).toMatchObject({ status: 'done', progress: null, error: null });
    expect(s().explorer.results.A!.classes.orphanSilent).toBe(2n);
    expect(s().explorer.results.B!.classes.orphanSilent).toBe(0n);
    expect(w.terminated).toBe(true);
  });

  it('cancel terminates the worker, keeps finished variants and ignores late messages', () => {
    const { s, workers } = setup();
    s().startExplore();
    const w = workers[0]!;
    w.emit({ type: 'result', variant: 'A', result: seedResult('A') });
    w.emit({ type: 'progress', variant: 'B', states: 256, perSecond: 10 });
    s().cancelExplore();
    expect(w.terminated).toBe(true);
    expect(s().explorer.status).toBe('cancelled');
    expect(Object.keys(s().explorer.results)).toEqual(['A']);
    w.emit({ type: 'done' });
    expect(s().explorer.status).toBe('cancelled');
    // A new run starts a new worker from a clean slate.
    s().startExplore();
    expect(workers).toHaveLength(2);
    expect(s().explorer).toMatchObject({ status: 'running', results: {} });
  });

  it('does not start twice while running', () => {
    const { s, workers } = setup();
    s().startExplore();
    s().startExplore();
    expect(workers).toHaveLength(1);
  });

  it('a worker error ends in the error state', () => {
    const { s, workers } = setup();
    s().startExplore();
    workers[0]!.emit({ type: 'error', message: 'out of memory' });
    expect(s().explorer).toMatchObject({ status: 'error', error: 'out of memory' });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('explores past 16 files, in the chosen run shape; without a worker says why', () => {
    const { s, workers } = setup();
    s().loadScenario(memfdScenario(17));
    s().setExploreShape({ sessions: 2 });
    s().setExploreShape({ setSteps: true });
    s().startExplore();
    expect(workers).toHaveLength(1);
    expect(s().explorer.status).toBe('running');
    expect(s().explorer.shapeRun).toEqual({ sessions: 2, kexecs: 1, setSteps: true });
    expect(workers[0]!.request!.shape).toEqual({ sessions: 2, kexecs: 1, setSteps: true });
    const bare = createAppStore();
    bare.getState().startExplore();
    expect(bare.getState().explorer).toMatchObject({ status: 'error', error: /No worker/ });
  });

  it('another scenario drops the results and stops a run', () => {
    const { s, workers } = setup();
    s().startExplore();
    s().loadScenario(findScenario('cycle')!);
    expect(workers[0]!.terminated).toBe(true);
    expect(s().explorer).toMatchObject({ status: 'idle', results: {}, files: null });
  });

  it('loads a witness as the history, under its variant, at its end, in the graph', () => {
    const { s, workers } = setup();
    s().setVariant('D');
    s().setTab('explore');
    s().startExplore();
    workers[0]!.emit({ type: 'result', variant: 'A', result: seedResult('A') });
    workers[0]!.emit({ type: 'done' });
    s().loadWitness('A', 'orphanSilent');
    const st = s();
    expect(st.variant).toBe('A');
    expect(st.tab).toBe('graph');
    expect(st.actions.map((a) => a.op)).toEqual([
      'createSession',
      'preserve',
      'preserve',
      'kexec',
      'retrieveSession',
      'retrieve',
      'finish',
    ]);
    expect(st.position).toBe(7);
    expect(selectOrphanCount(st)).toBe(1);
    expect(selectNodeView('gmem')(st)).toMatchObject({ state: 'finished', orphan: true });
    expect(st.announcement.text).toMatch(/shortest orphanSilent run under variant A: 7 steps/);
  });
});
