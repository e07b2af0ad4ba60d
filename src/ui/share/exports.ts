/**
 * The two exports, loaded on first use: they are most of the trace module's code (the C
 * reproducer carries its runtime and the uAPI header as text) and the graph never needs them.
 */
import { exportC } from '../../trace/export/c';
import { exportText } from '../../trace/export/text';
import { publicBase, shareTarget } from '../../trace/baseUrl';
import type { TraceDoc } from '../../trace/parse';
import { replayTrace } from '../../trace/replay';
import { conform } from '../../trace/conform/conform';
import type { AttachedRun } from '../../store';

/**
 * The page a mail's link opens: the address the site's build was given (LUOSCOPE_PUBLIC_URL),
 * else this page's own, unless it is a loopback address nobody else can open; `null` then,
 * and the mail carries the payload to paste into "Open a link or payload".
 */
export function mailBase(page: string): string | null {
  return publicBase(import.meta.env.LUOSCOPE_PUBLIC_URL as string | undefined, page);
}

/**
 * The text for a mail reply, ending with what opens `doc` (see `mailBase`); with a kernel run
 * that covers `doc`'s first steps, its table too, and the link carries the run.
 */
export function mailText(doc: TraceDoc, page: string, attached: AttachedRun | null = null): string {
  const run = attached && attached.run.steps <= doc.steps.length ? attached : null;
  const report = run ? conform(run.doc, replayTrace(run.doc), run.run) : undefined;
  return exportText(doc, replayTrace(doc), shareTarget(mailBase(page), doc, run?.run), report);
}

/** The C reproducer of `doc`. */
export function cReproducer(doc: TraceDoc): string {
  return exportC(doc, replayTrace(doc));
}
