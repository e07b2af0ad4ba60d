import { attachTo } from '../../store';
import type { AppStore } from '../../store';
import { traceOf } from '../../store/work';
import { readRun } from '../../trace/conform/read';
import type { RunInput } from '../../trace/conform/types';
import { replayTrace } from '../../trace/replay';

/**
 * Reads a kernel run against the open work (all its actions: the run names how many it
 * covers) and attaches it; on a refusal nothing in the store changes and the message (naming
 * the input line) is returned.
 */
export function importRun(store: AppStore, inputs: RunInput[]): string | null {
  const s = store.getState();
  const doc = traceOf(s, s.actions.length);
  const read = readRun(doc, replayTrace(doc), inputs);
  if (!read.ok) return read.error;
  store.setState({ kernelRun: attachTo(s, read.run) });
  const n = read.run.ran.length;
  store.getState().setTab('compare');
  store
    .getState()
    .announce(
      `Kernel run imported: ${n} stage${n === 1 ? '' : 's'} of ${read.run.stages} ran; the compare view shows it beside the variants.`,
    );
  return null;
}
