import { resultText } from '../../trace/conform/conform';
import type { ConformReport } from '../../trace/conform/conform';
import { DiffMark } from './DiffMark';

/** The kernel run in a sentence: its first disagreement, or that none was found. */
export function KernelSummary({ report, name }: { report: ConformReport; name: string }) {
  const first = report.firstDisagreement;
  const step = first === null ? undefined : report.steps[first];
  const notRun = report.counts.skipped + report.counts.missing;
  return (
    <p
      className={`compare-first ${step ? 'found' : 'none'}`}
      data-testid="compare-kernel-first"
      data-step={step ? step.index + 1 : ''}
    >
      <strong>Kernel run ({name}):</strong>{' '}
      {step ? (
        <>
          <DiffMark first label="first disagreement" />: step {step.index + 1} (
          <code>{step.call}</code>): luoscope predicted <code>{resultText(step.predicted)}</code> (
          {report.run.expectations}), the kernel returned{' '}
          <code>{step.kernel.kind === 'returned' ? resultText(step.kernel.result) : '-'}</code>.
        </>
      ) : (
        `no disagreement in ${report.counts.agree} step${report.counts.agree === 1 ? '' : 's'} run.`
      )}{' '}
      {notRun > 0 && `${notRun} step${notRun === 1 ? '' : 's'} not run.`}
      {report.missingStages.length > 0 && ` Stages missing: ${report.missingStages.join(', ')}.`}
    </p>
  );
}
