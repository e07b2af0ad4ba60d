/** The scenario editor: edits under each type's rules, live validation, undo and sharing. */
import { describe, expect, it } from 'vitest';
import type { FileId, Step } from '../engine';
import { findScenario } from '../scenarios';
import { validateTrace } from '../trace/parse';
import { traceJson } from '../trace/serialize';
import { createAppStore } from './createAppStore';
import { allowedTargets, draftOf, draftProblems } from './editorDraft';
import {
  selectCanRedoEdit,
  selectCanUndoEdit,
  selectDraft,
  selectDraftProblems,
  selectFieldMessage,
} from './editorSelectors';
import type { AppStore } from './createAppStore';
import { selectCanRedo, selectCanUndo } from './historySelectors';
import { currentTrace, scenarioOfTrace } from './work';

const keyOf = (store: AppStore, id: string) =>
  selectDraft(store.getState()).files.find((f) => f.id === id)!.key;
const ids = (store: AppStore) => store.getState().scenario.files.map((f) => f.id as string);

/** A scenario built from nothing: a VM, two guest_memfds and a memfd. */
function buildFromScratch(): AppStore {
  const store = createAppStore();
  const s = store.getState();
  s.editClear();
  for (const type of ['kvm-vm', 'guest_memfd', 'guest_memfd', 'memfd'] as const) {
    store.getState().editAddFile(type);
  }
  return store;
}

describe('editing a scenario', () => {
  it('builds VM, two guest_memfds and a memfd from scratch, each edit applied at once', () => {
    const store = buildFromScratch();
    const { scenario } = store.getState();
    expect(scenario.id).toBe('trace');
    expect(scenario.files.map((f) => [f.id, f.type, f.deps])).toEqual([
      ['vm', 'kvm-vm', []],
      ['gmem', 'guest_memfd', ['vm']],
      ['gmem2', 'guest_memfd', ['vm']],
      ['ram', 'memfd', []],
    ]);
    expect(selectDraftProblems(store.getState())).toEqual([]);
    expect(store.getState().layout.nodes).toHaveLength(4);
  });

  it('offers only the targets a type may depend on', () => {
    const draft = draftOf(findScenario('vm-full')!);
    const targets = (id: string) =>
      allowedTargets(draft, draft.files.find((f) => f.id === id)!.key).map((f) => f.id);
    expect(targets('gmem')).toEqual(['vm']);
    expect(targets('vcpu0')).toEqual(['vm']);
    expect(targets('iommu')).toEqual(['ram']);
    expect(targets('nic')).toEqual(['iommu']);
    expect(targets('vm')).toEqual([]);
    expect(targets('ram')).toEqual([]);
    const cycle = draftOf(findScenario('cycle')!);
    expect(allowedTargets(cycle, 0).map((f) => f.id)).toEqual(['b']);
  });

  it('shows the validator’s problems next to their fields and keeps the scenario until fixed', () => {
    const store = createAppStore();
    const before = store.getState().scenario;
    store.getState().editRenameFile(keyOf(store, 'vm'), 'Vm');
    const s = store.getState();
    expect(s.scenario).toBe(before);
    expect(selectFieldMessage(0, 'id')(s)).toBe(
      '"Vm" is not a file id: must match [a-z][a-z0-9_-]{0,31}',
    );
    // What depends on it names the id as typed, so its deps field says so too.
    expect(selectDraftProblems(s).map((p) => p.text)).toEqual([
      'files[0].id: "Vm" is not a file id: must match [a-z][a-z0-9_-]{0,31}',
      'files[1].deps[0]: "Vm" is not a file id: must match [a-z][a-z0-9_-]{0,31}',
    ]);
    store.getState().editRenameFile(0, 'gmem');
    expect(selectFieldMessage(1, 'id')(store.getState())).toBe('duplicate file id "gmem"');
    store.getState().editRenameFile(0, 'vm0');
    expect(selectDraftProblems(store.getState())).toEqual([]);
    expect(ids(store)).toEqual(['vm0', 'gmem']);
  });

  it('renaming a file carries the dependencies and the history along', () => {
    const store = createAppStore({ scenario: findScenario('seed')! });
    store.getState().activate('vm' as FileId);
    store.getState().activate('gmem' as FileId);
    store.getState().editRenameFile(keyOf(store, 'vm'), 'v');
    store.getState().editRenameFile(keyOf(store, 'v'), 'vm1');
    const s = store.getState();
    expect(s.scenario.files.find((f) => f.id === 'gmem')!.deps).toEqual(['vm1']);
    expect(s.actions.map((a) => (a.op === 'preserve' ? a.file : a.op))).toEqual([
      'createSession',
      'vm1',
      'gmem',
    ]);
    expect(s.current.views.vm1!.state).toBe('preserved');
    // Typing one id is one undoable edit.
    expect(s.editor.past).toHaveLength(1);
  });

  it('a missing dependency and a type change are reported on the deps field', () => {
    const store = createAppStore();
    store.getState().editRemoveFile(keyOf(store, 'vm'));
    expect(selectFieldMessage(1, 'deps')(store.getState())).toBe(
      'guest_memfd takes exactly one kvm-vm (got 0)',
    );
    const problems = draftProblems(selectDraft(store.getState()));
    expect(problems.map((p) => p.text)).toEqual([
      'files[0].deps: guest_memfd takes exactly one kvm-vm (got 0)',
    ]);
  });

  it('a type change keeps only what fits the new type', () => {
    const store = createAppStore({ scenario: findScenario('vm-full')! });
    store.getState().editSetType(keyOf(store, 'vcpu0'), 'memfd');
    const vcpu = store.getState().scenario.files.find((f) => f.id === 'vcpu0')!;
    expect(vcpu).toEqual({ id: 'vcpu0', type: 'memfd', deps: [], boot: 0 });
    store.getState().editSetType(keyOf(store, 'vcpu0'), 'generic');
    store.getState().editSetDeps(keyOf(store, 'vcpu0'), [keyOf(store, 'vm'), keyOf(store, 'ram')]);
    store.getState().editSetProp(keyOf(store, 'vcpu0'), 'freezeError', 'EIO');
    const gen = store.getState().scenario.files.find((f) => f.id === 'vcpu0')!;
    expect(gen).toMatchObject({ type: 'generic', deps: ['vm', 'ram'], freezeError: 'EIO' });
  });

  it('a cycle through a non-generic file is refused where it is made', () => {
    const store = createAppStore({ scenario: findScenario('cycle')! });
    store.getState().editSetType(keyOf(store, 'a'), 'guest_memfd');
    const problems = selectDraftProblems(store.getState()).map((p) => p.text);
    expect(problems).toContain(
      'files[0].deps[0]: "b" is a generic; guest_memfd takes exactly one kvm-vm',
    );
  });

  it('a history that names a removed file starts afresh, and undo brings it back', () => {
    const store = createAppStore({ scenario: findScenario('seed')! });
    store.getState().activate('vm' as FileId);
    const actions = store.getState().actions;
    store.getState().editRemoveFile(keyOf(store, 'gmem'));
    store.getState().editRemoveFile(keyOf(store, 'vm'));
    expect(store.getState().actions).toEqual([]);
    expect(store.getState().announcement.text).toMatch(/history no longer fits/);
    store.getState().undo();
    expect(store.getState().actions).toEqual(actions);
    expect(ids(store)).toEqual(['vm']);
    expect(store.getState().current.views.vm!.state).toBe('preserved');
  });
});

describe('undo and redo of scenario edits', () => {
  it('a change that leaves the scenario as it is makes no edit', () => {
    const store = createAppStore();
    store.getState().editSetDeps(1, [0]);
    store.getState().editSetTitle(store.getState().scenario.title);
    expect(store.getState().scenario).toBe(findScenario('seed'));
    expect(store.getState().editor.past).toEqual([]);
  });

  it('the history’s Undo and Redo are offered for an edit, even at step 0', () => {
    const store = buildFromScratch();
    expect(store.getState().position).toBe(0);
    expect(selectCanUndo(store.getState())).toBe(true);
    store.getState().undo();
    expect(selectCanRedo(store.getState())).toBe(true);
  });

  it('the history undo reverts an edit when it is the last thing done', () => {
    const store = buildFromScratch();
    const s = store.getState();
    expect(selectCanUndoEdit(s)).toBe(true);
    s.undo();
    expect(ids(store)).toEqual(['vm', 'gmem', 'gmem2']);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(ids(store)).toEqual([]);
    store.getState().undo();
    expect(ids(store)).toEqual(['vm', 'gmem']);
    expect(store.getState().scenario).toBe(findScenario('seed'));
    expect(selectCanRedoEdit(store.getState())).toBe(true);
    store.getState().redo();
    store.getState().redo();
    expect(ids(store)).toEqual(['vm']);
  });

  it('steps taken after an edit are undone first, then the edit', () => {
    const store = buildFromScratch();
    store.getState().activate('vm' as FileId);
    expect(store.getState().position).toBe(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().position).toBe(0);
    expect(ids(store)).toHaveLength(4);
    store.getState().undo();
    expect(ids(store)).toEqual(['vm', 'gmem', 'gmem2']);
  });

  it('a new edit drops the edits that could be redone', () => {
    const store = buildFromScratch();
    store.getState().undo();
    store.getState().editAddFile('pipe');
    expect(selectCanRedoEdit(store.getState())).toBe(false);
    expect(ids(store)).toEqual(['vm', 'gmem', 'gmem2', 'pipe']);
  });

  it('an invalid draft is dropped when undo changes the scenario', () => {
    const store = buildFromScratch();
    store.getState().editRenameFile(keyOf(store, 'ram'), '');
    expect(selectDraftProblems(store.getState())).toHaveLength(1);
    store.getState().undo();
    expect(selectDraftProblems(store.getState())).toEqual([]);
    expect(selectDraft(store.getState()).files.map((f) => f.id)).toEqual(['vm', 'gmem', 'gmem2']);
  });
});

describe('an edited scenario is saved and shared like any trace', () => {
  it('its trace validates and reopens as the same scenario and history', () => {
    const store = buildFromScratch();
    store.getState().editSetTitle('Two guest_memfds, one retrieved');
    const orphan: Step[] = [];
    for (const id of ['vm', 'gmem', 'gmem2', 'ram']) store.getState().activate(id as FileId);
    store.getState().perform([{ op: 'kexec' }]);
    store.getState().activate('gmem' as FileId);
    const handle = store.getState().current.sessions[0]!.handle;
    orphan.push({ op: 'finish', session: handle, reserved: 0 });
    store.getState().perform(orphan);
    expect(store.getState().current.views.gmem!.orphan).toBe(true);

    const doc = currentTrace(store.getState());
    const parsed = validateTrace(traceJson(doc));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const scenario = scenarioOfTrace(parsed.doc);
    expect(scenario.title).toBe('Two guest_memfds, one retrieved');
    expect(scenario.files).toEqual(store.getState().scenario.files);
  });
});
