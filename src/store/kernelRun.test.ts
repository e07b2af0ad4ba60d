import { describe, expect, it } from 'vitest';
import type { FileId } from '../engine';
import { readRun } from '../trace/conform/read';
import { stageOutputs } from '../trace/conform/testing';
import { replayTrace } from '../trace/replay';
import { createAppStore } from './createAppStore';
import { selectKernelRun } from './slices/kernelRun';
import { traceOf } from './work';

const id = (s: string) => s as FileId;

/** Seed: vm and gmem preserved, kexec (4 actions); a run of those 4 attached. */
function attached() {
  const store = createAppStore();
  const s = store.getState();
  s.activate(id('vm'));
  s.activate(id('gmem'));
  s.perform([{ op: 'kexec' }]);
  const doc = traceOf(store.getState(), 4);
  const result = replayTrace(doc);
  const text = stageOutputs(
    doc,
    result,
    result.steps.map((r) => r.result as string),
  ).join('');
  const read = readRun(doc, result, [{ name: 'run', text }]);
  if (!read.ok) throw new Error(read.error);
  store.getState().attachKernelRun(read.run);
  return store;
}

describe('the attached kernel run', () => {
  it('stays while the actions it covers stay: undo, redo, later actions', () => {
    const store = attached();
    const run = selectKernelRun(store.getState());
    expect(run?.run.steps).toBe(4);
    store.getState().undo();
    store.getState().undo();
    expect(selectKernelRun(store.getState())).toBe(run);
    store.getState().redo();
    store.getState().redo();
    store.getState().perform([{ op: 'kexec' }]);
    expect(selectKernelRun(store.getState())).toBe(run);
  });

  it('goes with another variant, other switches, another scenario, or a changed action', () => {
    const cases: ((store: ReturnType<typeof attached>) => void)[] = [
      (st) => st.getState().setVariant('B'),
      (st) => st.getState().setSwitch('fileLimit', 1),
      (st) => st.getState().loadScenario(st.getState().scenario),
      (st) => {
        st.getState().jumpTo(2);
        st.getState().perform([{ op: 'kexec' }]);
      },
    ];
    for (const change of cases) {
      const store = attached();
      change(store);
      expect(selectKernelRun(store.getState())).toBeNull();
    }
  });

  it('detaches with null', () => {
    const store = attached();
    store.getState().attachKernelRun(null);
    expect(selectKernelRun(store.getState())).toBeNull();
  });
});
