/**
 * A conformance report as plain ASCII: the run's identity, one row per step ("luoscope
 * predicted / <kernel> returned"), the first disagreement marked, the counts, the stages
 * missing and the notes. `width` 72 is the mail export's; the CLI adds each step's call.
 */
import { GLUE, wrap } from '../export/text';
import { toAscii } from '../export/describe';
import type { ConformReport } from './conform';
import { kernelName, kernelText, resultText } from './conform';

/** The report's lines; `calls` adds each step's call (the CLI), else it fits 72 columns. */
export function conformLines(report: ConformReport, calls: boolean): string[] {
  const { run, counts } = report;
  const kernel = toAscii(kernelName(run));
  const stages = run.ran.map((r) => `stage ${r.stage} on ${toAscii(r.uname)}`);
  const lines = [
    ...wrap(kernel, 'Kernel run: ', '  '),
    ...wrap(
      `trace sha256:${run.hash.slice(0, 16)}... (${run.steps} steps, ${run.stages} stage(s)); ` +
        `reproducer of luoscope ${toAscii(run.luoscope)}; expectations: ${toAscii(run.expectations)}; ` +
        `ran: ${stages.length ? stages.join(', ') : 'no stage'}`,
      '  ',
      '  ',
    ),
    '',
  ];
  const head = kernel.length <= 24 ? `${kernel} returned` : 'kernel returned';
  const width = String(run.steps).length;
  const predictedWidth = Math.max(
    'luoscope predicted'.length,
    ...report.steps.map((s) => resultText(s.predicted).length),
  );
  lines.push(
    `  ${'step'.padStart(Math.max(4, width))}  ${'luoscope predicted'.padEnd(predictedWidth)}  ${head}`,
  );
  const pad = Math.max(4, width) + 4 + predictedWidth;
  for (const s of report.steps) {
    const mark =
      s.verdict === 'disagree'
        ? s.index === report.firstDisagreement
          ? `${GLUE}<-${GLUE}first${GLUE}disagreement`
          : `${GLUE}<-${GLUE}disagrees`
        : '';
    const first = `  ${String(s.index + 1).padStart(Math.max(4, width))}  ${resultText(s.predicted).padEnd(predictedWidth)}  `;
    lines.push(...wrap(toAscii(`${kernelText(s)}${mark}`), first, ' '.repeat(pad + 2)));
    if (calls)
      lines.push(...wrap(s.call, `${' '.repeat(Math.max(4, width) + 4)}`, ' '.repeat(pad)));
  }
  const first = report.firstDisagreement;
  const summary = [
    `${counts.disagree} disagree${first === null ? '' : ` (first at step ${first + 1})`}`,
    `${counts.agree} agree`,
    `${counts.skipped + counts.missing} not run`,
  ];
  lines.push('', ...wrap(summary.join(', '), 'Summary: ', '  '));
  if (report.missingStages.length) {
    lines.push(...wrap(report.missingStages.join(', '), 'Stages missing: ', '  '));
  }
  for (const note of run.notes) lines.push(...wrap(toAscii(note), 'Note: ', '  '));
  return lines;
}
