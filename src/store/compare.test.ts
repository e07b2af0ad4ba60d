import { describe, expect, it } from 'vitest';
import type { FileId, SessionHandle, Step, Token, Variant } from '../engine';
import { findScenario } from '../scenarios';
import { alignLogs, columnAt, compareInSlices, compareReplays, compareWork } from './compare';
import type { ReplayProgress } from './replayJob';
import { SYNC_STEPS } from './replayJob';
import { memfdLiveUpdate, memfdScenario } from '../scenarios';
import { createAppStore } from './createAppStore';

const seed = findScenario('seed')!.files;
const V = 'vmm@0' as SessionHandle;
const V1 = 'vmm@1' as SessionHandle;
/** The thread's example: preserve vm, gmem; kexec; retrieve gmem only; finish. */
const thread: Step[] = [
  { op: 'createSession', name: 'vmm', as: V },
  { op: 'preserve', session: V, file: 'vm' as FileId, token: 1 as Token },
  { op: 'preserve', session: V, file: 'gmem' as FileId, token: 2 as Token },
  { op: 'kexec' },
  { op: 'retrieveSession', name: 'vmm', as: V1 },
  { op: 'retrieve', session: V1, token: 2 as Token },
  { op: 'finish', session: V1, reserved: 0 },
];

function compare(variants: Variant[], position = thread.length) {
  const cache = compareReplays(null, seed, thread, variants);
  const logs = Object.fromEntries(variants.map((v) => [v, cache.replays[v]!.log]));
  return alignLogs(logs, position);
}

const table = (variants: Variant[], position?: number) =>
  compare(variants, position).rows.map(
    (r) =>
      `${r.index + 1} ${r.step.op} ${variants.map((v) => r.results[v]!.result).join(' ')}` +
      (r.differs ? ' differs' : ''),
  );

describe('alignLogs', () => {
  it('lines up the thread example under A, B and D, step by step', () => {
    expect(table(['A', 'B', 'D'])).toEqual([
      '1 createSession ok ok ok',
      '2 preserve ok ok ok',
      '3 preserve ok ok ok',
      '4 kexec ok ok ok',
      '5 retrieveSession ok ok ok',
      '6 retrieve ok EAGAIN ok differs',
      '7 finish ok ok EBUSY differs',
    ]);
    expect(compare(['A', 'B', 'D']).firstDifference).toBe(5);
  });

  it('finds no difference where the variants agree', () => {
    expect(compare(['A', 'C']).firstDifference).toBeNull();
    expect(compare(['A', 'D']).firstDifference).toBe(6);
  });

  it('follows the history position', () => {
    expect(table(['A', 'B'], 3)).toHaveLength(3);
    expect(compare(['A', 'B'], 5).firstDifference).toBeNull();
    expect(compare(['A', 'B'], 0)).toEqual({ rows: [], firstDifference: null });
  });

  it('marks a row missing in one log as differing', () => {
    const full = compareReplays(null, seed, thread, ['A']).replays.A!.log;
    const out = alignLogs({ A: full, B: full.slice(0, 2) }, 3);
    expect(out.rows.map((r) => r.differs)).toEqual([false, false, true]);
    expect(out.firstDifference).toBe(2);
  });
});

describe('compareReplays', () => {
  it('extends a cached replay by the new actions instead of replaying all', () => {
    const first = compareReplays(null, seed, thread.slice(0, 4), ['A', 'B']);
    const next = compareReplays(first, seed, thread, ['A', 'B']);
    expect(next.replays.A!.states[4]).toBe(first.replays.A!.states[4]);
    expect(next.replays.A!.log).toHaveLength(7);
    expect(compareReplays(next, seed, thread, ['A', 'B']).replays.B).toBe(next.replays.B);
  });

  it('replays after the step where the history forked', () => {
    const first = compareReplays(null, seed, thread, ['B']);
    const forked = [...thread.slice(0, 5), { op: 'retrieve', session: V1, token: 1 as Token }];
    const next = compareReplays(first, seed, forked as Step[], ['B']);
    expect(next.replays.B!.log.map((e) => e.result.result).at(-1)).toBe('ok');
    expect(next.replays.B!.states[5]).toBe(first.replays.B!.states[5]);
  });
});

describe('long histories in the compare view', () => {
  const files = memfdScenario(1200).files;
  const actions = memfdLiveUpdate(1200);

  it('compareWork counts what is left; nothing new gives the same cache', () => {
    const first = compareReplays(null, seed, thread.slice(0, 4), ['A', 'B']);
    expect(compareWork(null, seed, thread, ['A', 'B'])).toBe(2 * thread.length);
    expect(compareWork(first, seed, thread, ['A', 'B'])).toBe(2 * (thread.length - 4));
    const next = compareReplays(first, seed, thread, ['A', 'B']);
    expect(compareReplays(next, seed, thread, ['A', 'B'])).toBe(next);
    expect(compareReplays(next, seed, thread, ['A'])).not.toBe(next);
  });

  it('replays in slices to what compareReplays gives, saying how far it got', async () => {
    expect(actions.length).toBeGreaterThan(SYNC_STEPS);
    const seen: ReplayProgress[] = [];
    const sliced = await compareInSlices(null, files, actions, ['A', 'C'], (p) => {
      seen.push(p);
      return true;
    });
    const whole = compareReplays(null, files, actions, ['A', 'C']);
    for (const v of ['A', 'C'] as const) {
      expect(sliced!.replays[v]!.log).toEqual(whole.replays[v]!.log);
      expect(sliced!.replays[v]!.states.at(-1)).toEqual(whole.replays[v]!.states.at(-1));
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({
      what: `${actions.length.toLocaleString('en-US')} steps under Variant C for the comparison`,
      done: actions.length,
      total: actions.length,
    });
  });

  it('stops when told to, and extends a kept column at once', async () => {
    let slices = 0;
    const stopped = await compareInSlices(null, files, actions, ['B'], () => ++slices < 1);
    expect(stopped).toBeNull();
    expect(slices).toBe(1);
    const kept = compareReplays(null, files, actions.slice(0, -5), ['B']);
    const calls: ReplayProgress[] = [];
    const more = await compareInSlices(kept, files, actions, ['B'], (p) => (calls.push(p), true));
    expect(calls).toEqual([]);
    expect(more!.replays.B!.states[10]).toBe(kept.replays.B!.states[10]);
    expect(more!.replays.B!.log).toHaveLength(actions.length);
  });
});

describe('columnAt', () => {
  it('gives each variant its own views and outcome at the position', () => {
    const { replays } = compareReplays(null, seed, thread, ['A', 'D']);
    const a = columnAt('A', replays.A!, seed, 7);
    const d = columnAt('D', replays.D!, seed, 7);
    expect(a.views.gmem).toMatchObject({ state: 'finished', orphan: true });
    expect(a.outcome.orphans).toHaveLength(1);
    expect(d.views.gmem).toMatchObject({ state: 'retrieved', orphan: false });
    expect(columnAt('A', replays.A!, seed, 3).views.gmem!.state).toBe('preserved');
  });
});

describe('views slice', () => {
  it('switches tabs and keeps at least two compared variants', () => {
    const store = createAppStore({ tab: 'compare' });
    expect(store.getState().tab).toBe('compare');
    store.getState().setTab('explore');
    expect(store.getState().tab).toBe('explore');
    const s = () => store.getState();
    expect(s().compareVariants).toEqual(['A', 'B', 'C', 'D']);
    s().setCompareVariant('C', false);
    s().setCompareVariant('A', false);
    expect(s().compareVariants).toEqual(['B', 'D']);
    s().setCompareVariant('B', false);
    expect(s().compareVariants).toEqual(['B', 'D']);
    s().setCompareVariant('A', true);
    expect(s().compareVariants).toEqual(['A', 'B', 'D']);
  });
});
