import { useMemo } from 'react';
import { LIST_WINDOW, selectCorrected, selectLog } from '../store';
import { LogItem } from './LogItem';
import { useAppStore } from './storeContext';

/**
 * Every action in order, refused ones included. The scroll box is a reversed flex column, so
 * the browser keeps the newest entry in view without a script reading the layout each step.
 * A long history lists its last LIST_WINDOW steps up to the position, and says so: moving the
 * position back lists earlier ones (the page stays quick with 100,000 steps).
 */
export function ActionLog() {
  const log = useAppStore(selectLog);
  const corrected = useAppStore(selectCorrected);
  const shown = useMemo(() => (log.length > LIST_WINDOW ? log.slice(-LIST_WINDOW) : log), [log]);
  const hidden = log.length - shown.length;
  return (
    <section className="log" aria-labelledby="log-title">
      <h2 id="log-title">Log ({log.length})</h2>
      <div className="log-scroll" tabIndex={0} aria-labelledby="log-title">
        {log.length === 0 ? (
          <p className="muted">No action yet.</p>
        ) : (
          <div>
            {hidden > 0 && (
              <p className="muted log-window" data-testid="log-window">
                Steps 1 to {hidden.toLocaleString('en-US')} are not listed: the log lists the last{' '}
                {LIST_WINDOW} steps up to the position. Move the position back to list earlier ones.
              </p>
            )}
            <ol className="log-list" start={hidden + 1}>
              {shown.map((e) => (
                <LogItem key={e.index} entry={e} correction={corrected[e.index]} />
              ))}
            </ol>
          </div>
        )}
      </div>
    </section>
  );
}
