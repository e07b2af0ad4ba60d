import type { CompareKey } from '../../store';
import { describeStep } from '../../store';
import type { Alignment } from '../../store/compare';
import { DiffMark } from './DiffMark';

/** "First difference: step 6 (retrieve ...): A ok, B EAGAIN, D ok", or that there is none. */
export function FirstDifference({
  variants,
  alignment,
}: {
  variants: readonly CompareKey[];
  alignment: Alignment;
}) {
  const { rows, firstDifference } = alignment;
  const row = firstDifference === null ? undefined : rows[firstDifference];
  return (
    <p
      className={`compare-first ${row ? 'found' : 'none'}`}
      data-testid="compare-first-difference"
      data-step={row ? row.index + 1 : ''}
    >
      {row ? (
        <>
          <DiffMark first />
          <strong>: step {row.index + 1}</strong> (<code>{describeStep(row.step)}</code>):{' '}
          {variants.map((v) => `${v} ${row.results[v]?.result ?? 'none'}`).join(', ')}
        </>
      ) : (
        `No difference: every variant gives the same result at each of the ${rows.length} steps.`
      )}
    </p>
  );
}
