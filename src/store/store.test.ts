import { describe, expect, it } from 'vitest';
import type { FileId, SessionHandle, Step } from '../engine';
import { findScenario } from '../scenarios';
import { traceOf } from './work';
import { createAppStore } from './createAppStore';
import {
  selectActiveHandle,
  selectBoot,
  selectLog,
  selectNodeView,
  selectOrphanCount,
} from './selectors';

const id = (s: string) => s as FileId;

/** The thread's example: preserve vm and gmem, kexec, retrieve gmem only, finish. */
function threadExample(store: ReturnType<typeof createAppStore>) {
  const s = store.getState();
  s.activate(id('vm'));
  s.activate(id('gmem'));
  s.perform([{ op: 'kexec' }]);
  store.getState().activate(id('gmem'));
  store
    .getState()
    .perform([{ op: 'finish', session: selectActiveHandle(store.getState())!, reserved: 0 }]);
}

const ops = (store: ReturnType<typeof createAppStore>) =>
  selectLog(store.getState()).map((e) => `${e.step.op}:${e.result.result}`);

describe('createAppStore', () => {
  it('opens seed under A with an empty history by default', () => {
    const s = createAppStore().getState();
    expect(s.scenario.id).toBe('seed');
    expect(s.variant).toBe('A');
    expect(s.actions).toEqual([]);
    expect(s.position).toBe(0);
    expect(selectNodeView('vm')(s)?.state).toBe('live');
  });

  it('seed under A: FINISH returns ok and leaves gmem orphaned', () => {
    const store = createAppStore();
    threadExample(store);
    expect(ops(store)).toEqual([
      'createSession:ok',
      'preserve:ok',
      'preserve:ok',
      'kexec:ok',
      'retrieveSession:ok',
      'retrieve:ok',
      'finish:ok',
    ]);
    const s = store.getState();
    expect(selectBoot(s)).toBe(1);
    expect(selectOrphanCount(s)).toBe(1);
    expect(selectNodeView('gmem')(s)).toMatchObject({ state: 'finished', orphan: true });
    expect(s.position).toBe(s.actions.length);
  });

  it('changing the variant replays the same actions: D refuses FINISH', () => {
    const store = createAppStore();
    threadExample(store);
    const actions = store.getState().actions;
    store.getState().setVariant('D');
    const s = store.getState();
    expect(s.actions).toBe(actions);
    expect(ops(store).at(-1)).toBe('finish:EBUSY');
    expect(selectOrphanCount(s)).toBe(0);
    expect(selectNodeView('vm')(s)?.state).toBe('kernel-retrieved');
    // Back to A: the orphan again, nothing lost.
    store.getState().setVariant('A');
    expect(selectOrphanCount(store.getState())).toBe(1);
  });

  it('picking a kernel tree replays the same actions under it, and the trace names it', () => {
    const store = createAppStore();
    threadExample(store);
    const actions = store.getState().actions;
    store.getState().setKernel('v7.3');
    const s = store.getState();
    expect(s.kernel).toBe('v7.3');
    expect(s.actions).toBe(actions);
    // No KVM handler in mainline: the VM fd cannot be preserved at all.
    expect(ops(store)[1]).toBe('preserve:ENOENT');
    expect(s.current.notes.vm).toBe('no handler in v7.3');
    expect(traceOf(s).kernel).toBe('v7.3');
    store.getState().setKernel('2026-06');
    expect(selectOrphanCount(store.getState())).toBe(1);
    expect(traceOf(store.getState()).kernel).toBeUndefined();
  });

  it('a switch override replays too, and resetting drops it', () => {
    const store = createAppStore({ variant: 'B' });
    threadExample(store);
    expect(ops(store).at(-2)).toBe('retrieve:EAGAIN');
    store.getState().setSwitch('strictErrno', 'ENOENT');
    expect(store.getState().switches.strictErrno).toBe('ENOENT');
    expect(ops(store).at(-2)).toBe('retrieve:ENOENT');
    store.getState().resetSwitches();
    expect(store.getState().overrides).toEqual({});
    expect(ops(store).at(-2)).toBe('retrieve:EAGAIN');
  });

  it('records a refused action; the state stays as it was', () => {
    const store = createAppStore({ variant: 'B' });
    const s = store.getState();
    s.activate(id('vm'));
    s.activate(id('gmem'));
    s.perform([{ op: 'kexec' }]);
    const before = store.getState().current;
    // retrieveSession succeeds, then retrieve gmem gets EAGAIN: a chain stops at a refusal.
    store.getState().activate(id('gmem'));
    const after = store.getState();
    expect(ops(store).slice(-2)).toEqual(['retrieveSession:ok', 'retrieve:EAGAIN']);
    expect(after.actions).toHaveLength(6);
    const [last, prev] = [after.replay.states.at(-1), after.replay.states.at(-2)];
    // A refused step leaves the very same state.
    expect(last).toBe(prev);
    expect(selectNodeView('gmem')(after)?.state).toBe('incoming');
    expect(selectNodeView('vm')(after)).toBe(before.views.vm);
    expect(after.announcement.text).toMatch(/retrieve token 2 from vmm@1: refused, EAGAIN/);
  });

  it('stops a chain at the first refusal', () => {
    const store = createAppStore();
    const S = 'S' as SessionHandle;
    const results = store.getState().perform([
      { op: 'finish', session: S, reserved: 0 },
      { op: 'createSession', name: 'vmm', as: S },
    ] as Step[]);
    expect(results.map((r) => r.result)).toEqual(['EBADF']);
    expect(store.getState().actions).toHaveLength(1);
  });

  it('keeps unchanged node views identical across steps (no needless re-render)', () => {
    const store = createAppStore({ scenario: findScenario('bench-8')! });
    store.getState().activate(id('m0'));
    const m5 = selectNodeView('m5')(store.getState());
    store.getState().activate(id('m1'));
    expect(selectNodeView('m5')(store.getState())).toBe(m5);
    expect(selectNodeView('m1')(store.getState())?.state).toBe('preserved');
  });

  it('announces a click without a primary action and takes no step', () => {
    const store = createAppStore();
    store.getState().activate(id('vm'));
    store.getState().activate(id('vm'));
    expect(store.getState().actions).toHaveLength(2);
    expect(store.getState().announcement.text).toMatch(/^No primary action: vm is already/);
    expect(store.getState().selected).toBe('vm');
  });

  it('loading a scenario starts a new history, keeping the variant', () => {
    const store = createAppStore({ variant: 'C' });
    threadExample(store);
    store.getState().loadScenario(findScenario('cycle')!);
    const s = store.getState();
    expect(s.actions).toEqual([]);
    expect(s.variant).toBe('C');
    expect(s.layout.nodes.map((n) => n.id).sort()).toEqual(['a', 'b']);
  });

  it('makes a new session the one the controls act on', () => {
    const store = createAppStore();
    store.getState().perform([{ op: 'createSession', name: 'x', as: 'x@0' as SessionHandle }]);
    store.getState().perform([{ op: 'createSession', name: 'y', as: 'y@0' as SessionHandle }]);
    expect(selectActiveHandle(store.getState())).toBe('y@0');
    store.getState().selectHandle('x@0' as SessionHandle);
    expect(selectActiveHandle(store.getState())).toBe('x@0');
    store.getState().perform([{ op: 'kexec' }]);
    expect(selectActiveHandle(store.getState())).toBeNull();
  });
});
