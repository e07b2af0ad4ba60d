import type { ConformStep } from '../../trace/conform/conform';
import { kernelText } from '../../trace/conform/conform';
import { DiffMark } from './DiffMark';

/** What the kernel did at a step, beside the variants: the result, or why it did not run. */
export function KernelCell({ step, first }: { step: ConformStep | undefined; first: boolean }) {
  if (!step) {
    return (
      <td data-testid="compare-cell-kernel" data-result="none" className="muted">
        (not in the run)
      </td>
    );
  }
  const k = step.kernel;
  const result = k.kind === 'returned' ? k.result : k.kind;
  const disagree = step.verdict === 'disagree';
  return (
    <td
      data-testid="compare-cell-kernel"
      data-result={result}
      data-verdict={step.verdict}
      className={disagree ? 'kernel-disagrees' : undefined}
    >
      <strong
        className={k.kind !== 'returned' ? 'muted' : result === 'ok' ? 'result-ok' : 'result-err'}
      >
        {k.kind === 'returned' ? result : 'not run'}
      </strong>
      {k.kind !== 'returned' && <span className="compare-reason">{kernelText(step)}</span>}
      {disagree && (
        <span className="compare-reason">
          <DiffMark first={first} label={first ? 'first disagreement' : 'disagrees'} /> luoscope
          predicted {step.predicted}
        </span>
      )}
    </td>
  );
}
