import { useEffect, useRef } from 'react';
import { selectLog } from '../store';
import { LogItem } from './LogItem';
import { useAppStore } from './storeContext';

/** Every action in order, refused ones included; keeps the newest in view. */
export function ActionLog() {
  const log = useAppStore(selectLog);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log.length]);
  return (
    <section className="log" aria-labelledby="log-title">
      <h2 id="log-title">Log ({log.length})</h2>
      <div className="log-scroll" ref={listRef} tabIndex={0} aria-labelledby="log-title">
        {log.length === 0 ? (
          <p className="muted">No action yet.</p>
        ) : (
          <ol className="log-list">
            {log.map((e) => (
              <LogItem key={e.index} entry={e} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
