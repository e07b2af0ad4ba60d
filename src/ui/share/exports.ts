/**
 * The two exports, loaded on first use: they are most of the trace module's code (the C
 * reproducer carries its runtime and the uAPI header as text) and the graph never needs them.
 */
import { exportC } from '../../trace/export/c';
import { exportText } from '../../trace/export/text';
import { shareUrl } from '../../trace/link';
import type { TraceDoc } from '../../trace/parse';
import { replayTrace } from '../../trace/replay';
import { conform } from '../../trace/conform/conform';
import type { AttachedRun } from '../../store';

/**
 * The text for a mail reply, ending with the link that opens `doc` from `base`; with a kernel
 * run that covers `doc`'s first steps, its table too, and the link carries the run.
 */
export function mailText(doc: TraceDoc, base: string, attached: AttachedRun | null): string {
  const run = attached && attached.run.steps <= doc.steps.length ? attached : null;
  const report = run ? conform(run.doc, replayTrace(run.doc), run.run) : undefined;
  return exportText(doc, replayTrace(doc), shareUrl(base, doc, run?.run), report);
}

/** The C reproducer of `doc`. */
export function cReproducer(doc: TraceDoc): string {
  return exportC(doc, replayTrace(doc));
}
