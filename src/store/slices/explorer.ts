/**
 * The explorer's state machine: idle -> running -> done | cancelled | error, and back to
 * running on the next start. The work happens in a worker the store is given (a Web Worker
 * in the page, a fake in tests); cancelling terminates it, which really stops `explore()`.
 */
import { VARIANTS, modelOf, resolveSwitches } from '../../engine';
import type { FileSpec, Variant } from '../../engine';
// shape.ts directly, not the index: the page's first chunk needs only these.
import { DEFAULT_SHAPE } from '../../explore/shape';
import type { ExploreResult, RunClass, RunShape } from '../../explore';
import type { ExploreMessage, ExploreRequest } from '../../explore/worker';
import { currentAt, replayAll } from '../replay';
import type { AppSlice } from './slice';

/** What the store needs of a worker: start a request, hear back, stop. */
export interface ExploreWorker {
  start(request: ExploreRequest, onMessage: (message: ExploreMessage) => void): void;
  terminate(): void;
}
export type ExploreWorkerFactory = () => ExploreWorker;

export type ExploreStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ExplorerState {
  status: ExploreStatus;
  /** The variants the next run explores (A–D order). */
  variants: readonly Variant[];
  /** The files of the last run: its results hold only while the scenario is the same. */
  files: readonly FileSpec[] | null;
  /** The variants of the last run, in the order they are explored. */
  queued: readonly Variant[];
  /** The run shape of the next run. */
  shape: RunShape;
  /** The run shape of the last run (its results are for that shape). */
  shapeRun: RunShape | null;
  /** The variant being explored, the distinct states visited so far and how fast. */
  progress: { variant: Variant; states: number; perSecond: number } | null;
  results: Partial<Record<Variant, ExploreResult>>;
  error: string | null;
}

export interface ExplorerData {
  explorer: ExplorerState;
}
export interface ExplorerActions {
  setExploreVariant(variant: Variant, on: boolean): void;
  /** Changes the run shape of the next run (sessions, kexecs, set steps). */
  setExploreShape(shape: Partial<RunShape>): void;
  /** Explores the current scenario under the chosen variants (as proposed, no overrides). */
  startExplore(): void;
  cancelExplore(): void;
  /** Replaces the history with a witness run, under its variant, at its last step. */
  loadWitness(variant: Variant, cls: RunClass): void;
}

export function initialExplorerData(): ExplorerData {
  return {
    explorer: {
      status: 'idle',
      variants: VARIANTS,
      shape: DEFAULT_SHAPE,
      shapeRun: null,
      files: null,
      queued: [],
      progress: null,
      results: {},
      error: null,
    },
  };
}

export const explorerSlice =
  (spawn: ExploreWorkerFactory | undefined): AppSlice<ExplorerActions> =>
  (set, get, api) => {
    let worker: ExploreWorker | null = null;
    const stop = () => {
      worker?.terminate();
      worker = null;
    };
    const patch = (p: Partial<ExplorerState>) =>
      set((s) => ({ explorer: { ...s.explorer, ...p } }));

    // Results describe one scenario: another one drops them (and stops a run).
    api.subscribe((s, prev) => {
      if (s.scenario.files === prev.scenario.files || s.explorer.files === null) return;
      stop();
      const { variants, shape } = s.explorer;
      set({ explorer: { ...initialExplorerData().explorer, variants, shape } });
    });

    const onMessage = (self: ExploreWorker) => (m: ExploreMessage) => {
      if (worker !== self) return;
      const ex = get().explorer;
      switch (m.type) {
        case 'progress':
          return patch({
            progress: { variant: m.variant, states: m.states, perSecond: m.perSecond },
          });
        case 'result':
          return patch({ results: { ...ex.results, [m.variant]: m.result } });
        case 'done':
          stop();
          return patch({ status: 'done', progress: null });
        case 'error':
          stop();
          return patch({ status: 'error', error: m.message });
      }
    };

    return {
      setExploreVariant: (variant, on) =>
        set((s) => {
          const chosen = s.explorer.variants;
          const variants = VARIANTS.filter((v) => (v === variant ? on : chosen.includes(v)));
          return { explorer: { ...s.explorer, variants } };
        }),
      setExploreShape: (shape) =>
        set((s) => ({ explorer: { ...s.explorer, shape: { ...s.explorer.shape, ...shape } } })),
      startExplore: () => {
        const s = get();
        const { files } = s.scenario;
        const queued = s.explorer.variants;
        if (s.explorer.status === 'running' || queued.length === 0) return;
        const { shape } = s.explorer;
        const base = { files, queued, shapeRun: shape, results: {}, progress: null };
        if (!spawn) {
          patch({ ...base, status: 'error', error: 'No worker to explore in.' });
          return;
        }
        const self = spawn();
        worker = self;
        patch({ ...base, status: 'running', error: null });
        const { kernel } = s;
        const jobs = queued.map((variant) => ({
          variant,
          switches: resolveSwitches(variant, {}, kernel),
        }));
        self.start({ files, jobs, shape, kernel }, onMessage(self));
      },
      cancelExplore: () => {
        if (get().explorer.status !== 'running') return;
        stop();
        patch({ status: 'cancelled' });
      },
      loadWitness: (variant, cls) => {
        const s = get();
        const steps = s.explorer.results[variant]?.witnesses[cls];
        if (!steps || s.explorer.files !== s.scenario.files) return;
        const switches = resolveSwitches(variant, {}, s.kernel);
        const replay = replayAll(s.scenario.files, switches, steps, modelOf(s.kernel));
        const n = steps.length;
        set({
          variant,
          overrides: {},
          switches,
          actions: steps,
          position: n,
          replay,
          current: currentAt(replay, n),
          selected: null,
          handle: null,
          tab: 'graph',
          announcement: {
            seq: s.announcement.seq + 1,
            text: `Loaded a shortest ${cls} run under variant ${variant}: ${n} steps.`,
          },
        });
      },
    };
  };
