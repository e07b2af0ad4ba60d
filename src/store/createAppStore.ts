/** The app's one store: typed slices combined, data initialised from the options. */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CorrectionId, Step, Switches, TreeId, Variant } from '../engine';
import { DEFAULT_SCENARIO } from '../scenarios';
import type { Scenario } from '../scenarios';
import { editorSlice, initialEditorData } from './slices/editor';
import { explorerSlice, initialExplorerData } from './slices/explorer';
import type { ExploreWorkerFactory } from './slices/explorer';
import { historySlice, workData } from './slices/history';
import { scenarioSlice } from './slices/scenario';
import { initialTourData, tourSlice } from './slices/tour';
import { initialKernelRunData, kernelRunSlice } from './slices/kernelRun';
import { uiSlice } from './slices/ui';
import { variantSlice } from './slices/variant';
import { initialViewsData, viewsSlice } from './slices/views';
import type { AppTab } from './slices/views';
import { SYNC_STEPS } from './replayJob';
import type { AppData, AppState } from './types';
import type { Work } from './work';

export interface AppStoreOptions {
  scenario?: Scenario;
  /** The kernel tree (default `2026-06`). */
  kernel?: TreeId;
  variant?: Variant;
  overrides?: Partial<Switches>;
  /** A history to start from (replayed). */
  actions?: readonly Step[];
  /** How many of `actions` are applied (default: all); the rest can be redone. */
  position?: number;
  notice?: string | null;
  /** Steps a model correction changed, by index (an old link opened at start). */
  corrected?: Readonly<Record<number, CorrectionId>>;
  /** The view shown first (graph, compare, explore). */
  tab?: AppTab;
  /** Starts the explorer's worker (a Web Worker in the page; none in unit tests). */
  exploreWorker?: ExploreWorkerFactory;
}

export type AppStore = StoreApi<AppState>;

/** The work the options describe. */
function startWork(o: AppStoreOptions): Work {
  const actions = o.actions ?? [];
  return {
    scenario: o.scenario ?? DEFAULT_SCENARIO,
    ...(o.kernel === undefined ? {} : { kernel: o.kernel }),
    variant: o.variant ?? 'A',
    overrides: o.overrides ?? {},
    actions,
    position: o.position ?? actions.length,
  };
}

/** A long history starts empty and is opened in slices once the store exists. */
const long = (o: AppStoreOptions) => (o.actions?.length ?? 0) > SYNC_STEPS;

function initialData(o: AppStoreOptions): AppData {
  const work = startWork(o);
  const scenario = work.scenario;
  return {
    ...workData(long(o) ? { ...work, actions: [], position: 0 } : work),
    ...(o.corrected ? { corrected: o.corrected } : {}),
    announcement: { seq: 0, text: '' },
    notice: o.notice ?? null,
    replaying: null,
    view: { x: 0, y: 0, k: 1 },
    ...initialViewsData(o.tab),
    ...initialExplorerData(),
    ...initialEditorData(scenario),
    ...initialTourData(),
    ...initialKernelRunData(),
  };
}

export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...initialData(options),
    ...scenarioSlice(...a),
    ...variantSlice(...a),
    ...historySlice(...a),
    ...uiSlice(...a),
    ...viewsSlice(...a),
    ...explorerSlice(options.exploreWorker)(...a),
    // Undo and redo revert a scenario edit first when it is the last thing done (editor.ts).
    ...editorSlice(historySlice(...a))(...a),
    ...tourSlice(...a),
    ...kernelRunSlice(...a),
  }));
  if (long(options)) {
    const work = startWork(options);
    const n = work.actions.length.toLocaleString('en-US');
    const corrected = options.corrected ?? {};
    void store.getState().openWork(work, `Opened ${n} steps.`, options.notice ?? null, corrected);
  }
  return store;
}
