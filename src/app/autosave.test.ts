import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileId } from '../engine';
import { findScenario } from '../scenarios';
import { createAppStore, selectNodeView } from '../store';
import type { AppStore } from '../store';
import {
  AUTOSAVE_FORMAT,
  AUTOSAVE_KEY,
  decodeWork,
  encodeWork,
  readSaved,
  startAutosave,
} from './autosave';

const id = (s: string) => s as FileId;

function worked(): AppStore {
  const store = createAppStore({ scenario: findScenario('vm-full')!, variant: 'C' });
  store.getState().activate(id('ram'));
  store.getState().activate(id('iommu'));
  store.getState().setSwitch('strictErrno', 'ENOENT');
  store.getState().undo();
  return store;
}

class FakeStorage {
  map = new Map<string, string>();
  writes = 0;
  full = false;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.full) throw new Error('quota exceeded');
    this.writes++;
    this.map.set(k, v);
  };
}

class FakeDoc extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

describe('the autosave codec', () => {
  it('restores scenario, variant, overrides, every action and the position exactly', () => {
    const s = worked().getState();
    const back = decodeWork(encodeWork(s));
    if (!back.ok) throw new Error(back.error);
    expect(back.work.scenario).toBe(findScenario('vm-full'));
    expect(back.work).toMatchObject({ variant: 'C', overrides: { strictErrno: 'ENOENT' } });
    expect(back.work.actions).toEqual(s.actions);
    expect([back.work.position, back.work.actions.length]).toEqual([2, 3]);
    const again = createAppStore({ ...back.work });
    expect(selectNodeView('iommu')(again.getState())?.state).toBe('live');
    again.getState().redo();
    expect(selectNodeView('iommu')(again.getState())?.state).toBe('preserved');
  });

  it('keeps a custom scenario from a trace, titled as it was', () => {
    const store = createAppStore({
      scenario: {
        id: 'trace',
        title: '<i>x</i>',
        description: '',
        files: findScenario('cycle')!.files,
      },
    });
    const back = decodeWork(encodeWork(store.getState()));
    expect(back.ok && [back.work.scenario.id, back.work.scenario.title]).toEqual([
      'trace',
      '<i>x</i>',
    ]);
  });

  const saved = (patch: Record<string, unknown>) =>
    JSON.stringify({ ...JSON.parse(encodeWork(worked().getState())), ...patch });

  it.each([
    ['not JSON', '{"format": "luoscope/auto', 'it is not JSON'],
    ['foreign JSON', '{"theme":"dark"}', 'it is not work saved by luoscope'],
    ['an array', '[1,2]', 'it is not work saved by luoscope'],
    ['null', 'null', 'it is not work saved by luoscope'],
    [
      'an old version',
      saved({ format: 'luoscope/autosave@0' }),
      'it was saved by another version of luoscope ("luoscope/autosave@0"; this one reads luoscope/autosave@1)',
    ],
    ['no scenario', saved({ scenario: 3 }), 'scenario: must be a string'],
    ['a position past the end', saved({ position: 4 }), 'position: must be an integer from 0 to 3'],
    ['a fractional position', saved({ position: 1.5 }), 'position: must be an integer from 0 to 3'],
    [
      'no trace',
      saved({ trace: null }),
      'trace: must be an object (a luoscope trace document), not null',
    ],
    [
      'an invalid trace',
      saved({ trace: { format: 'luoscope/trace@1', variant: 'E', files: [], steps: [] } }),
      'trace.variant: must be one of "A", "B", "C", "D"',
    ],
  ])('refuses %s with a message', (_name, text, error) => {
    expect(decodeWork(text)).toEqual({ ok: false, error });
  });

  it('reads nothing when storage is empty or throws', () => {
    expect(readSaved(new FakeStorage())).toBeNull();
    expect(readSaved(null)).toBeNull();
    const denied = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readSaved(denied)).toBeNull();
  });
});

describe('startAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const store = createAppStore();
    const storage = new FakeStorage();
    const win = new EventTarget();
    const doc = new FakeDoc();
    const onError = vi.fn();
    const autosave = startAutosave(store, { storage, win, doc, delay: 300, onError });
    return { store, storage, win, doc, onError, autosave };
  }

  it('writes once after a burst of changes, and not for selection or pan', () => {
    const { store, storage } = setup();
    store.getState().select(id('vm'));
    store.getState().setView({ x: 1, y: 2, k: 1 });
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(0);
    store.getState().activate(id('vm'));
    store.getState().activate(id('gmem'));
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(1);
    const back = readSaved(storage);
    expect(back?.ok && back.work.actions).toHaveLength(3);
    expect(JSON.parse(storage.map.get(AUTOSAVE_KEY)!).format).toBe(AUTOSAVE_FORMAT);
  });

  it('flushes at once when the page is hidden or left', () => {
    const { store, storage, win, doc } = setup();
    store.getState().activate(id('vm'));
    win.dispatchEvent(new Event('pagehide'));
    expect(storage.writes).toBe(1);
    store.getState().undo();
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(storage.writes).toBe(1);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(storage.writes).toBe(2);
    const back = readSaved(storage);
    expect(back?.ok && back.work.position).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(2);
  });

  it('reports a failed write once and keeps trying', () => {
    const { store, storage, onError, autosave } = setup();
    storage.full = true;
    store.getState().activate(id('vm'));
    autosave.flush();
    store.getState().activate(id('gmem'));
    autosave.flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBe('Autosave failed: quota exceeded.');
    storage.full = false;
    autosave.flush();
    expect(storage.writes).toBe(1);
  });

  it('writes the opened work on demand, and stops', () => {
    const { store, storage, autosave } = setup();
    autosave.flush();
    expect(storage.writes).toBe(0);
    autosave.flush(true);
    expect(storage.writes).toBe(1);
    autosave.stop();
    store.getState().activate(id('vm'));
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(1);
  });

  it('writes to its own key, dated; a full storage that makes room is written on retry', () => {
    const store = createAppStore();
    const storage = new FakeStorage();
    storage.full = true;
    const onError = vi.fn();
    const makeRoom = vi.fn(() => {
      storage.full = false;
      return true;
    });
    const autosave = startAutosave(store, {
      storage,
      win: new EventTarget(),
      doc: new FakeDoc(),
      key: 'luoscope/work/t1',
      now: () => 1234,
      makeRoom,
      onError,
    });
    store.getState().activate(id('vm'));
    autosave.flush();
    expect(makeRoom).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect(storage.map.has(AUTOSAVE_KEY)).toBe(false);
    const text = storage.map.get('luoscope/work/t1')!;
    expect(JSON.parse(text).savedAt).toBe(1234);
    expect(readSaved(storage, 'luoscope/work/t1')?.ok).toBe(true);
  });
});
