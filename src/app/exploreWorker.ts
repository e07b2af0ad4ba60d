/** The explorer's Web Worker, as the store wants it (its own chunk in the build). */
import type { ExploreMessage, ExploreRequest } from '../explore/worker';
import type { ExploreWorker } from '../store';

export function createExploreWorker(): ExploreWorker {
  const worker = new Worker(new URL('../explore/worker.ts', import.meta.url), { type: 'module' });
  return {
    start(request: ExploreRequest, onMessage: (message: ExploreMessage) => void) {
      worker.onmessage = (e: MessageEvent<ExploreMessage>) => onMessage(e.data);
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        onMessage({ type: 'error', message: e.message || 'the explorer worker failed' });
      };
      worker.postMessage(request);
    },
    terminate: () => worker.terminate(),
  };
}
