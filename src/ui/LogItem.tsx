import { memo } from 'react';
import type { LogEntry } from '../store';
import { describeStep } from '../store';

/** One action: op, result, kernel function, reason, and the handler callbacks it caused. */
export const LogItem = memo(function LogItem({ entry }: { entry: LogEntry }) {
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
        <strong className={ok ? 'result-ok' : 'result-err'}>
          {ok ? 'ok' : `-${result.result}`}
        </strong>{' '}
        <code className="fn">{result.fn}()</code>
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
                {c.result === 'ok' ? 'ok' : `-${c.result}`}
              </span>
              {c.status !== undefined && <span className="muted"> retrieve_status {c.status}</span>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
});
