/**
 * The two exports, loaded on first use: they are most of the trace module's code (the C
 * reproducer carries its runtime and the uAPI header as text) and the graph never needs them.
 */
import { exportC } from '../../trace/export/c';
import { exportText } from '../../trace/export/text';
import { shareUrl } from '../../trace/link';
import type { TraceDoc } from '../../trace/parse';
import { replayTrace } from '../../trace/replay';

/** The text for a mail reply, ending with the link that opens `doc` from `base`. */
export function mailText(doc: TraceDoc, base: string): string {
  return exportText(doc, replayTrace(doc), shareUrl(base, doc));
}

/** The C reproducer of `doc`. */
export function cReproducer(doc: TraceDoc): string {
  return exportC(doc, replayTrace(doc));
}
