import { describe, expect, it } from 'vitest';
import type { FileId } from '../engine';
import { findScenario } from '../scenarios';
import { createAppStore } from './createAppStore';
import type { AppStore } from './createAppStore';
import { selectCanRedo, selectCanUndo, selectAllSteps } from './historySelectors';
import { selectLog, selectNodeView } from './selectors';

const id = (s: string) => s as FileId;
const gmem = (store: AppStore) => selectNodeView('gmem')(store.getState())?.state;

/** seed: createSession, preserve vm, preserve gmem, kexec (4 actions). */
function preserved() {
  const store = createAppStore();
  store.getState().activate(id('vm'));
  store.getState().activate(id('gmem'));
  store.getState().perform([{ op: 'kexec' }]);
  return store;
}

describe('history', () => {
  it('undo and redo move the position; the graph and log follow', () => {
    const store = preserved();
    expect(store.getState().position).toBe(4);
    expect(gmem(store)).toBe('incoming');
    store.getState().undo();
    expect(store.getState().position).toBe(3);
    expect(gmem(store)).toBe('preserved');
    expect(selectLog(store.getState())).toHaveLength(3);
    expect(store.getState().actions).toHaveLength(4);
    expect(store.getState().announcement.text).toMatch(/^Undid step 4: kexec\. At step 3 of 4/);
    store.getState().undo();
    expect(gmem(store)).toBe('live');
    store.getState().redo();
    expect(gmem(store)).toBe('preserved');
    expect(store.getState().announcement.text).toMatch(/^Redid step 3: preserve gmem .*: ok/);
    store.getState().redo();
    expect([store.getState().position, gmem(store)]).toEqual([4, 'incoming']);
  });

  it('says so at either end and changes nothing', () => {
    const store = preserved();
    store.getState().redo();
    expect(store.getState().position).toBe(4);
    expect(store.getState().announcement.text).toBe('Nothing to redo: at the last step.');
    store.getState().jumpTo(0);
    store.getState().undo();
    expect(store.getState().position).toBe(0);
    expect(store.getState().announcement.text).toBe('Nothing to undo: at the start.');
    expect([selectCanUndo(store.getState()), selectCanRedo(store.getState())]).toEqual([
      false,
      true,
    ]);
  });

  it('jumps to any step, clamped to the history', () => {
    const store = preserved();
    store.getState().jumpTo(2);
    expect(selectNodeView('vm')(store.getState())?.state).toBe('preserved');
    expect(gmem(store)).toBe('live');
    expect(store.getState().announcement.text).toBe('At step 2 of 4.');
    store.getState().jumpTo(99);
    expect(store.getState().position).toBe(4);
    store.getState().jumpTo(-3);
    expect(store.getState().position).toBe(0);
  });

  it('a new action at an earlier step forks: the redo tail is dropped', () => {
    const store = preserved();
    store.getState().jumpTo(2);
    const [r] = store.getState().perform([{ op: 'kexec' }]);
    expect(r?.result).toBe('ok');
    const s = store.getState();
    expect(s.actions.map((a) => a.op)).toEqual(['createSession', 'preserve', 'kexec']);
    expect([s.position, selectCanRedo(s)]).toEqual([3, false]);
    expect(selectAllSteps(s)).toHaveLength(3);
    expect(gmem(store)).toBe('gone');
  });

  it('keeps the position when the variant changes (the same actions replayed)', () => {
    const store = preserved();
    store.getState().jumpTo(3);
    store.getState().setVariant('D');
    expect(store.getState().position).toBe(3);
    expect(gmem(store)).toBe('preserved');
    store.getState().redo();
    expect(gmem(store)).toBe('incoming');
  });

  it('keeps unchanged node views identical when moving (no needless re-render)', () => {
    const store = createAppStore({ scenario: findScenario('bench-8')! });
    store.getState().activate(id('m0'));
    store.getState().activate(id('m1'));
    const m5 = selectNodeView('m5')(store.getState());
    store.getState().undo();
    expect(selectNodeView('m5')(store.getState())).toBe(m5);
  });

  it('starts at a given position with the rest redoable', () => {
    const actions = preserved().getState().actions;
    const store = createAppStore({ actions, position: 1 });
    expect(store.getState().position).toBe(1);
    expect(selectNodeView('vm')(store.getState())?.state).toBe('live');
    expect(selectCanRedo(store.getState())).toBe(true);
    expect(createAppStore({ actions, position: 9 }).getState().position).toBe(4);
  });
});
