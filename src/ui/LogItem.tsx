import { memo } from 'react';
import { correctionById } from '../engine';
import type { CorrectionId, Result } from '../engine';
import type { LogEntry } from '../store';
import { describeStep } from '../store';

/** A result as the syscall gives it: ok, -ERRNO, or a call that never returned. */
function resultText(r: Result): string {
  return r === 'ok' || r === 'hang' || r === 'not reached' ? r : `-${r}`;
}

/**
 * One action: op, result, kernel function, reason, and the handler callbacks it caused; for a
 * step of an opened trace that a model correction changed, the correction beside it.
 */
export const LogItem = memo(function LogItem({
  entry,
  correction,
}: {
  entry: LogEntry;
  correction?: CorrectionId | undefined;
}) {
  const { step, result } = entry;
  const ok = result.result === 'ok';
  return (
    <li
      className={`log-entry ${ok ? 'ok' : 'refused'}`}
      data-testid="log-entry"
      data-op={step.op}
      data-result={result.result}
      data-index={entry.index}
    >
      <div className="log-head">
        <span className="log-index">{entry.index + 1}.</span> <code>{describeStep(step)}</code>{' '}
        <strong className={ok ? 'result-ok' : 'result-err'}>{resultText(result.result)}</strong>{' '}
        <code className="fn">{result.fn}()</code>
        {correction && (
          <span
            className="log-correction"
            data-testid="log-correction"
            title={correctionById(correction).title}
          >
            {' '}
            changed by model correction {correction}: {correctionById(correction).title}
          </span>
        )}
      </div>
      <p className="log-reason">{result.reason}</p>
      {result.callbacks.length > 0 && (
        <ol className="callbacks" aria-label="handler callbacks">
          {result.callbacks.map((c, i) => (
            <li key={i}>
              <code>
                .{c.cb}({c.file})
              </code>{' '}
              <span className={c.result === 'ok' ? 'result-ok' : 'result-err'}>
                {resultText(c.result)}
              </span>
              {c.status !== undefined && <span className="muted"> retrieve_status {c.status}</span>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
});
