import { describe, expect, it } from 'vitest';
import type { FileId } from '../engine';
import { createAppStore, currentTrace, selectKernelRun } from '../store';
import { encodeLink, replayTrace } from '../trace';
import { readRun } from '../trace/conform/read';
import { stageOutputs } from '../trace/conform/testing';
import { chooseStart, listenForLinks } from './hashLink';
import { connectWork } from './startup';

const id = (s: string) => s as FileId;

/** A link to seed's work (vm, gmem, kexec) carrying a kernel run that disagrees at step 3. */
function linkWithRun(): string {
  const store = createAppStore();
  store.getState().activate(id('vm'));
  store.getState().activate(id('gmem'));
  store.getState().perform([{ op: 'kexec' }]);
  const doc = currentTrace(store.getState());
  const result = replayTrace(doc);
  const kernel = result.steps.map((r) => r.result as string);
  kernel[2] = 'EBUSY';
  const read = readRun(doc, result, [
    { name: 'run', text: stageOutputs(doc, result, kernel).join('') },
  ]);
  if (!read.ok) throw new Error(read.error);
  return `#trace=${encodeLink(doc, read.run)}`;
}

/** Enough of a window for connectWork and listenForLinks. */
function fakeWindow(hash: string) {
  const listeners = new Map<string, () => void>();
  const win = {
    location: { pathname: '/', search: '', hash },
    history: { replaceState: () => undefined },
    addEventListener: (name: string, f: () => void) => listeners.set(name, f),
    removeEventListener: () => undefined,
    get localStorage(): Storage {
      throw new Error('no storage');
    },
  };
  return { win: win as unknown as Window, listeners };
}

describe('a share link that carries a kernel run', () => {
  it('at start: the run is attached to the work the link opens', () => {
    const hash = linkWithRun();
    const start = chooseStart('', hash, null);
    expect(start.run?.results[2]).toMatchObject({ kind: 'returned', result: 'EBUSY' });
    const store = createAppStore(start.options);
    connectWork(store, fakeWindow(hash).win, { ...start, slot: null, local: null });
    expect(selectKernelRun(store.getState())?.run.steps).toBe(4);
  });

  it('pasted into an open page: the work and its run replace what was open', () => {
    const { win, listeners } = fakeWindow(linkWithRun());
    const store = createAppStore({ scenario: undefined, variant: 'C' });
    listenForLinks(store, win);
    listeners.get('hashchange')!();
    expect(store.getState().variant).toBe('A');
    expect(selectKernelRun(store.getState())?.run.results[2]).toMatchObject({ result: 'EBUSY' });
  });
});
