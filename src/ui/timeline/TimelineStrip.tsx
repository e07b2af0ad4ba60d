import { TimelineChart } from './TimelineChart';
import { tooLongText, useTimeline } from './useTimeline';
import './timeline.css';

/** The timeline under the graph: the same chart, in a short strip that scrolls. */
export default function TimelineStrip() {
  const t = useTimeline();
  if (t.tooLong)
    return (
      <p className="muted strip-empty" data-testid="timeline-too-long">
        {tooLongText(t.log.length)}
      </p>
    );
  if (t.geometry.columns.length === 0)
    return (
      <p className="muted strip-empty">
        Timeline: each step you take shows here, a column per step, a row per file.
      </p>
    );
  return (
    <section className="timeline-strip" aria-label="Timeline strip">
      <TimelineChart
        geometry={t.geometry}
        position={t.position}
        onJump={t.onJump}
        label="Timeline strip: step shown"
        valueText={t.valueText}
        testId="timeline-strip"
      />
    </section>
  );
}
