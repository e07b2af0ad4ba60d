/**
 * Long histories replay in slices (replayJob.ts): the page keeps the thread between slices,
 * shows how far it got, and ends with the very work a one-go replay gives; acting meanwhile
 * drops the job and keeps what the user did.
 */
import { describe, expect, it } from 'vitest';
import type { FileId } from '../engine';
import { memfdLiveUpdate, memfdScenario } from '../scenarios';
import { parseTrace } from '../trace/parse';
import { traceJson } from '../trace/serialize';
import { createAppStore } from './createAppStore';
import type { AppStore } from './createAppStore';
import { replayAll } from './replay';
import { SYNC_STEPS, replayInSlices } from './replayJob';
import { currentTrace } from './work';

const FILES = 1200;

/** Resolves once the store has no replay in progress. */
function settled(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (!store.getState().replaying) return resolve();
    const stop = store.subscribe((s) => {
      if (s.replaying) return;
      stop();
      resolve();
    });
  });
}

const results = (store: AppStore) => store.getState().replay.log.map((e) => e.result);

describe('long histories replay in slices', () => {
  const scenario = memfdScenario(FILES);
  const actions = memfdLiveUpdate(FILES);

  it('is long enough to be sliced', () => {
    expect(actions.length).toBeGreaterThan(SYNC_STEPS);
  });

  it('in slices, the same states and results as in one go, with progress after each slice', async () => {
    const input = {
      files: scenario.files,
      switches: createAppStore().getState().switches,
      actions,
    };
    const model = createAppStore().getState().replay.states[0]!.model;
    const progress: number[] = [];
    const sliced = await replayInSlices(
      { ...input, model },
      (done) => (progress.push(done), true),
      1,
    );
    const whole = replayAll(input.files, input.switches, actions, model);
    expect(sliced!.log).toEqual(whole.log);
    expect(sliced!.states.at(-1)).toEqual(whole.states.at(-1));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(actions.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('opening a long trace shows progress, keeps the old work until done, then opens it', async () => {
    const store = createAppStore();
    const before = store.getState().replay;
    const opening = store
      .getState()
      .openWork(
        { scenario, variant: 'A', overrides: {}, actions, position: actions.length },
        'Opened.',
      );
    // Nothing replayed in the caller's task: every slice runs in a task of its own.
    expect(store.getState().replaying).toEqual({ what: '2,404 steps', done: 0, total: 2404 });
    expect(store.getState().replay).toBe(before);
    await opening;
    expect(store.getState().replaying).toBeNull();
    expect(store.getState().position).toBe(actions.length);
    expect(store.getState().current.outcome.dataLoss).toEqual([]);
    const once = createAppStore({ scenario, actions: actions.slice(0, SYNC_STEPS) });
    expect(results(store).slice(0, SYNC_STEPS)).toEqual(results(once));
    expect(store.getState().announcement.text).toBe('Opened.');
  });

  it('a store made with a long history opens it in slices', async () => {
    const store = createAppStore({ scenario, actions });
    expect(store.getState().actions).toHaveLength(0);
    expect(store.getState().replaying?.total).toBe(actions.length);
    await settled(store);
    expect(store.getState().actions).toHaveLength(actions.length);
    expect(store.getState().current.state.boot).toBe(1);
  });

  it('a variant change on a long history replays in slices too', async () => {
    const store = createAppStore({ scenario, actions });
    await settled(store);
    store.getState().setVariant('C');
    expect(store.getState().variant).toBe('A');
    expect(store.getState().replaying?.what).toBe('the history under 2026-06 C');
    await settled(store);
    expect(store.getState().variant).toBe('C');
    expect(store.getState().replay.log).toHaveLength(actions.length);
  });

  it('a long trace file opens at its last step, its expects read off the same replay', async () => {
    const made = createAppStore({ scenario, actions });
    await settled(made);
    const parsed = parseTrace(JSON.stringify(traceJson(currentTrace(made.getState()))));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.doc.steps.every((x) => x.expect !== undefined)).toBe(true);
    const store = createAppStore();
    await store.getState().openTrace(parsed.doc, 'the file "big.json"');
    expect(store.getState().position).toBe(actions.length);
    expect(store.getState().notice).toBeNull();
    expect(store.getState().corrected).toEqual({});
    expect(store.getState().announcement.text).toMatch(/from the file "big.json": 2404 steps/);
  });

  it('acting while it replays drops the replay, says so, and keeps what the user did', async () => {
    const store = createAppStore();
    const opening = store
      .getState()
      .openWork(
        { scenario, variant: 'A', overrides: {}, actions, position: actions.length },
        'Opened.',
      );
    store.getState().activate('vm' as FileId);
    const mine = store.getState().actions;
    await opening;
    expect(store.getState().replaying).toBeNull();
    expect(store.getState().actions).toBe(mine);
    expect(store.getState().scenario.id).toBe('seed');
    expect(store.getState().notice).toMatch(/^Replaying 2,404 steps stopped: the work changed/);
  });
});
