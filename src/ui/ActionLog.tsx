import { selectCorrected, selectLog } from '../store';
import { LogItem } from './LogItem';
import { useAppStore } from './storeContext';

/**
 * Every action in order, refused ones included. The scroll box is a reversed flex column, so
 * the browser keeps the newest entry in view without a script reading the layout each step.
 */
export function ActionLog() {
  const log = useAppStore(selectLog);
  const corrected = useAppStore(selectCorrected);
  return (
    <section className="log" aria-labelledby="log-title">
      <h2 id="log-title">Log ({log.length})</h2>
      <div className="log-scroll" tabIndex={0} aria-labelledby="log-title">
        {log.length === 0 ? (
          <p className="muted">No action yet.</p>
        ) : (
          <ol className="log-list">
            {log.map((e) => (
              <LogItem key={e.index} entry={e} correction={corrected[e.index]} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
