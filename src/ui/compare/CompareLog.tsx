import { memo } from 'react';
import type { CompareKey } from '../../store';
import { LIST_WINDOW, describeStep } from '../../store';
import type { Alignment, CompareRow } from '../../store/compare';
import type { ConformReport } from '../../trace/conform/conform';
import { DiffMark } from './DiffMark';
import { KernelCell } from './KernelCell';

/** The imported kernel run, as a column after the variants. */
export interface KernelColumn {
  report: ConformReport;
  name: string;
}

interface Props {
  variants: readonly CompareKey[];
  alignment: Alignment;
  kernel?: KernelColumn | null;
}

const Row = memo(function Row({
  row,
  variants,
  first,
  kernel,
}: {
  row: CompareRow;
  variants: readonly CompareKey[];
  first: boolean;
  kernel: KernelColumn | null;
}) {
  return (
    <tr
      className={`${row.differs ? 'differs' : ''}${first ? ' first' : ''}`}
      data-testid="compare-row"
      data-step={row.index + 1}
      data-differs={String(row.differs)}
    >
      <th scope="row">
        <span className="compare-step">{row.index + 1}.</span> <code>{describeStep(row.step)}</code>
        {row.differs && <DiffMark first={first} />}
      </th>
      {variants.map((v) => {
        const r = row.results[v];
        const result = r?.result ?? 'none';
        const ok = result === 'ok';
        return (
          <td
            key={v}
            data-testid={`compare-cell-${v}`}
            data-variant={v}
            data-result={result}
            title={r?.reason}
          >
            <strong className={ok ? 'result-ok' : 'result-err'}>{ok ? 'ok' : result}</strong>
            {r && !ok && <span className="compare-reason">{r.reason}</span>}
          </td>
        );
      })}
      {kernel && (
        <KernelCell
          step={kernel.report.steps[row.index]}
          first={row.index === kernel.report.firstDisagreement}
        />
      )}
    </tr>
  );
});

/** The history, one row per action, one column per variant: what each variant answered. */
export function CompareLog({ variants, alignment, kernel = null }: Props) {
  const { rows, firstDifference } = alignment;
  // A long history lists its last LIST_WINDOW steps, and the first difference above them.
  const shown = rows.length > LIST_WINDOW ? rows.slice(-LIST_WINDOW) : rows;
  const hidden = rows.length - shown.length;
  const pinned =
    firstDifference !== null && firstDifference < hidden ? rows[firstDifference]! : null;
  if (rows.length === 0) {
    return <p className="muted">No action yet: take some in the graph view.</p>;
  }
  return (
    <table className="compare-log" aria-label="Results per step and variant">
      <colgroup>
        <col className="step-col" />
        {variants.map((v) => (
          <col key={v} />
        ))}
        {kernel && <col />}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Step</th>
          {variants.map((v) => (
            <th key={v} scope="col">
              {v}
            </th>
          ))}
          {kernel && (
            <th scope="col" data-testid="compare-kernel-head">
              kernel run ({kernel.name})
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {pinned && <Row row={pinned} variants={variants} first={true} kernel={kernel} />}
        {hidden > 0 && (
          <tr data-testid="compare-window">
            <td className="muted" colSpan={variants.length + (kernel ? 2 : 1)}>
              {hidden.toLocaleString('en-US')} earlier steps not listed
              {pinned ? ' (the first difference is above)' : ''}: the table lists the last{' '}
              {LIST_WINDOW} steps up to the position.
            </td>
          </tr>
        )}
        {shown.map((row) => (
          <Row
            key={row.index}
            row={row}
            variants={variants}
            first={row.index === firstDifference}
            kernel={kernel}
          />
        ))}
      </tbody>
    </table>
  );
}
