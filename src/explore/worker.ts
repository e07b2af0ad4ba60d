/**
 * The explorer's Web Worker entry: explores a scenario under each requested switch set in
 * turn with the exact explorer, posting progress (states, and states per second), one
 * result per variant, then `done`; a budget passed is an `error` naming the budget. The
 * page stays responsive because all of the exploring runs here; cancelling is
 * `worker.terminate()` by the page.
 * Results cross `postMessage` as they are: structured clone carries BigInt.
 */
import type { FileSpec, Switches, TreeId, Variant } from '../engine';
import { modelOf } from '../engine';
import { exploreExact } from './exact';
import type { ExploreResult } from './explore';
import type { RunShape } from './shape';

/** One exploration to run: a variant's name and the switches it stands for. */
export interface ExploreJob {
  variant: Variant;
  switches: Switches;
}

/** What the page sends: the scenario's files and the jobs, run in order. */
export interface ExploreRequest {
  files: readonly FileSpec[];
  jobs: readonly ExploreJob[];
  /** The run shape (default: one session, one kexec, no set steps). */
  shape?: RunShape;
  /** The state budget (default DEFAULT_MAX_STATES). */
  maxStates?: number;
  /** The kernel tree (default 2026-06); each job's switches are already that tree's. */
  kernel?: TreeId;
}

/** What the worker posts back. */
export type ExploreMessage =
  | { type: 'progress'; variant: Variant; states: number; perSecond: number }
  | { type: 'result'; variant: Variant; result: ExploreResult }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Progress is posted at most this often (ms): enough for a live count, cheap for the page. */
export const PROGRESS_INTERVAL = 100;

/** Runs a request, posting every message through `post`; `now` is a clock in ms. */
export function runExploreRequest(
  request: ExploreRequest,
  post: (message: ExploreMessage) => void,
  now: () => number = () => performance.now(),
): void {
  try {
    for (const { variant, switches } of request.jobs) {
      let last = -Infinity;
      const t0 = now();
      const onProgress = (states: number) => {
        const t = now();
        if (t - last < PROGRESS_INTERVAL) return;
        last = t;
        const perSecond = t > t0 ? Math.round((states * 1000) / (t - t0)) : 0;
        post({ type: 'progress', variant, states, perSecond });
      };
      post({ type: 'progress', variant, states: 0, perSecond: 0 });
      const { shape, maxStates } = request;
      const model = modelOf(request.kernel);
      const result = exploreExact(request.files, switches, { onProgress, shape, maxStates, model });
      post({ type: 'result', variant, result });
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

// Only inside a worker: in Node (tests, CLI) this module is a plain library.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = (e: MessageEvent<ExploreRequest>) =>
    runExploreRequest(e.data, (m) => scope.postMessage(m));
}
