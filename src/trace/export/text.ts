/**
 * The export for a mail reply: a replayed trace as plain ASCII text, no line over 72 columns
 * (the share link, alone on the last line, is the one exception), the same bytes for the same
 * trace. A header (title, luoscope version, variant, the switches that differ from the
 * variant's defaults, the files), the numbered steps (the syscall, its result as an errno, the
 * reason, the handler callbacks indented beneath), the outcome, the link.
 */
import type { Callback, Switches } from '../../engine';
import { changedSwitches, correctionById, treeById } from '../../engine';
import type { TraceDoc } from '../parse';
import type { ReplayResult } from '../replay';
import { TRACE_FORMAT } from '../schema';
import { LUOSCOPE_VERSION } from '../version';
import type { ConformReport } from '../conform/conform';
import { conformLines } from '../conform/text';
import {
  VARIANT_SUMMARY,
  errnoText,
  ioctlText,
  nonDefaultProps,
  quoted,
  switchValueText,
  toAscii,
} from './describe';

/** The widest line of the text export (the link line excepted). */
export const TEXT_WIDTH = 72;

/** Joins two words so that `wrap` never breaks the line between them. */
export const GLUE = '\u00a0';

/**
 * Words filled into lines of at most `TEXT_WIDTH` columns: the first line starts with
 * `first`, the others with `rest` (a hanging indent). A word longer than a line is cut;
 * `GLUE` joins words that stay together and is written as a space. No line ends in a space.
 */
export function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (let word of text.split(' ').filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length <= TEXT_WIDTH) {
      line += ` ${word}`;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = rest;
    }
    while (line.length + word.length > TEXT_WIDTH) {
      const room = Math.max(1, TEXT_WIDTH - line.length);
      lines.push(line + word.slice(0, room));
      word = word.slice(room);
      line = rest;
    }
    line += word;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.replaceAll(GLUE, ' ').trimEnd());
}

function switchesLines(doc: TraceDoc, switches: Switches): string[] {
  const changed = changedSwitches(doc.variant, switches, doc.kernel);
  const names = Object.keys(changed) as (keyof Switches)[];
  if (names.length === 0) return [`Switches: variant ${doc.variant}'s defaults`];
  const parts = names.map((n) => `${n}=${switchValueText(n, switches[n])}`);
  return wrap(parts.join(', '), `Switches changed from variant ${doc.variant}: `, '  ');
}

function fileLines(doc: TraceDoc): string[] {
  if (doc.files.length === 0) return ['Files: none'];
  const width = Math.max(...doc.files.map((f) => f.id.length));
  const lines = ['Files:'];
  for (const f of doc.files) {
    const parts: string[] = [f.type];
    if (f.deps.length) parts.push(`deps ${f.deps.join(' ')}`);
    parts.push(...nonDefaultProps(f));
    if (f.boot !== 0) parts.push(`created in boot ${f.boot}`);
    lines.push(...wrap(parts.join(', '), `  ${f.id.padEnd(width)}  `, ' '.repeat(width + 6)));
  }
  return lines;
}

function callbackText(c: Callback, sessions: boolean): string {
  const status = c.status === undefined ? '' : `, retrieve_status=${c.status}`;
  const where = sessions ? ` in ${quoted(c.session)}` : '';
  return `${c.cb}(${c.file}${status})${where} = ${errnoText(c.result)}`;
}

function stepLines(doc: TraceDoc, result: ReplayResult): string[] {
  const width = String(result.steps.length).length;
  const pad = ' '.repeat(width + 3);
  const sessions = new Set(result.steps.flatMap((r) => r.callbacks.map((c) => c.session)));
  const lines: string[] = [];
  for (const r of result.steps) {
    const s = doc.steps[r.index]!;
    const expect =
      s.expect !== undefined && s.expect !== r.result
        ? ` (MISMATCH: expected ${errnoText(s.expect)})`
        : '';
    const call = `${toAscii(ioctlText(s))} =${GLUE}${errnoText(r.result)}${expect}`;
    lines.push(...wrap(call, ` ${String(r.index + 1).padStart(width)}. `, pad));
    lines.push(...wrap(toAscii(r.reason), pad, pad));
    for (const c of r.callbacks) {
      lines.push(
        ...wrap(toAscii(callbackText(c, sessions.size > 1)), `${pad}    `, `${pad}      `),
      );
    }
  }
  return lines;
}

function outcomeLines(result: ReplayResult): string[] {
  const o = result.outcome;
  const list = (items: string[]) => (items.length ? items.join(', ') : 'none');
  const orphans = o.orphans.map(
    (x) => `${x.file} without ${x.dependsOn} (${x.detected ? 'detected' : 'not detected'})`,
  );
  const mismatches = o.mismatches.map(
    (m) =>
      `step ${m.step + 1} expected ${errnoText(m.expected)}, got ${errnoText(m.actual)}` +
      (m.correction
        ? ` (model correction ${m.correction}: ${correctionById(m.correction).title})`
        : ''),
  );
  return [
    'Outcome:',
    ...wrap(`${o.boots}`, '  successful kexecs: ', '    '),
    ...wrap(list(orphans), '  orphans: ', '    '),
    ...wrap(list(o.dataLoss), '  data loss: ', '    '),
    ...wrap(toAscii(list(o.stuckSessions.map(quoted))), '  stuck sessions: ', '    '),
    ...wrap(list(mismatches), '  expect mismatches: ', '    '),
  ];
}

/** The line above a bare payload: how to open it without an address. */
export const PASTE_LINE = `Paste the next line into luoscope's "Open a link or payload" box:`;

/** A link as printable ASCII: anything else percent-encoded. */
function linkText(link: string): string {
  return link.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/**
 * The mail export of a replayed trace. `result` must be `replayTrace(doc)`; `link` is the
 * share URL (`shareUrl(base, doc)`) or, where no public address is known, the bare payload
 * (`encodeLink(doc)`) after a line saying where to paste it; either is printed alone on the
 * last line (omitted when empty). `kernel`, a kernel run set against the trace, adds its table
 * ("luoscope predicted / <kernel> returned") after the outcome.
 */
export function exportText(
  doc: TraceDoc,
  result: ReplayResult,
  link: string,
  kernel?: ConformReport,
): string {
  const title = doc.title === undefined ? '(untitled trace)' : toAscii(doc.title);
  const lines = [
    ...wrap(title, 'Trace: ', '  '),
    `Replayed by luoscope ${LUOSCOPE_VERSION} (${TRACE_FORMAT})`,
    ...(doc.kernel === undefined
      ? []
      : wrap(`${doc.kernel}, ${treeById(doc.kernel).title}`, 'Kernel tree: ', '  ')),
    ...wrap(VARIANT_SUMMARY[doc.variant], `Variant ${doc.variant}: `, '  '),
    ...switchesLines(doc, result.switches),
    ...fileLines(doc),
    '',
    `Steps (${result.steps.length}):`,
    ...stepLines(doc, result),
    '',
    ...outcomeLines(result),
  ];
  if (kernel) lines.push('', ...conformLines(kernel, false));
  // A URL has a scheme (`https:`); a payload (`1.<base64url>`) has no colon.
  if (link !== '' && !link.includes(':')) lines.push('', PASTE_LINE, link);
  else if (link !== '') lines.push('', 'Replay it in luoscope:', linkText(link));
  return `${lines.join('\n')}\n`;
}
