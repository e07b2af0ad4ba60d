import { useState } from 'react';
import { TimelineChart } from './TimelineChart';
import { TimelineLegend } from './TimelineLegend';
import { TimelineTable } from './TimelineTable';
import { tooLongText, useTimeline } from './useTimeline';
import './timeline.css';

/**
 * The whole run at a glance: a row per file grouped by session, a column per step, each kexec
 * a band between boots. A click on a column, or the arrow keys on the chart, moves the history.
 */
export default function TimelineView({ scale }: { scale?: number }) {
  const t = useTimeline();
  const [table, setTable] = useState(false);
  return (
    <section className="timeline-view" aria-labelledby="timeline-title" data-testid="timeline-view">
      <div className="tl-head">
        <h2 id="timeline-title">Timeline across boots</h2>
        <button
          type="button"
          data-testid="timeline-table-toggle"
          aria-pressed={table}
          onClick={() => setTable(!table)}
        >
          {table ? 'Hide the table' : 'Show as a table'}
        </button>
      </div>
      <TimelineLegend />
      {t.tooLong ? (
        <p className="muted" data-testid="timeline-too-long">
          {tooLongText(t.log.length)}
        </p>
      ) : t.geometry.columns.length === 0 ? (
        <p className="muted">No step yet: act in the graph view and every step shows here.</p>
      ) : (
        <TimelineChart
          geometry={t.geometry}
          position={t.position}
          onJump={t.onJump}
          label="Timeline: step shown"
          valueText={t.valueText}
          scale={scale}
        />
      )}
      <TimelineTable
        geometry={t.geometry}
        position={t.position}
        onJump={t.onJump}
        caption="Every step: what it did, its result, and what went wrong"
        shown={table}
      />
    </section>
  );
}
