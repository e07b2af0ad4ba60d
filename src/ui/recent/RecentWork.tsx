import { useContext, useId, useState, useSyncExternalStore } from 'react';
import { RecentWorkContext } from './recentContext';
import type { RecentEntry, RecentWorkApi } from './recentContext';

/** How many entries the list shows (the newest). */
export const RECENT_SHOWN = 20;

function when(savedAt: number): string {
  return savedAt === 0 ? 'earlier' : new Date(savedAt).toLocaleString();
}

function Entry({ entry, api }: { entry: RecentEntry; api: RecentWorkApi }) {
  const id = useId();
  const steps = `${entry.steps} step${entry.steps === 1 ? '' : 's'}`;
  return (
    <li className="recent-item" data-testid="recent-item" data-slot={entry.id}>
      <span id={id}>
        <span className="recent-title" data-testid="recent-title">
          {entry.title}
        </span>{' '}
        <span className="muted">
          {entry.scenario}, <span data-testid="recent-steps">{steps}</span>,{' '}
          <time dateTime={entry.savedAt ? new Date(entry.savedAt).toISOString() : undefined}>
            {when(entry.savedAt)}
          </time>
        </span>
      </span>
      <button
        type="button"
        data-testid="recent-restore"
        aria-describedby={id}
        onClick={() => api.restore(entry.id)}
      >
        Restore
      </button>
    </li>
  );
}

function RecentList({ api }: { api: RecentWorkApi }) {
  const entries = useSyncExternalStore(api.subscribe, api.list);
  const [open, setOpen] = useState(api.offered);
  if (entries.length === 0) return null;
  return (
    <details
      className="recent"
      data-testid="recent"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Recent work ({entries.length}): from other tabs and earlier visits</summary>
      <ul className="recent-list">
        {entries.slice(0, RECENT_SHOWN).map((e) => (
          <Entry key={e.id} entry={e} api={api} />
        ))}
      </ul>
    </details>
  );
}

/**
 * The work of other tabs and earlier visits, newest first (title, scenario, steps, when),
 * each with Restore. Offered open when a new tab starts and there is such work; a summary
 * line otherwise. Not shown when there is none, or where the browser keeps nothing.
 */
export function RecentWork() {
  const api = useContext(RecentWorkContext);
  return api ? <RecentList api={api} /> : null;
}
