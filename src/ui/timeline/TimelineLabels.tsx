import type { TimelineGeometry } from '../../layout/timeline';
import { TL_LABEL, TL_TOP } from '../../layout/timeline';

/** The row names (sessions, then their files), drawn apart so they stay put while it scrolls. */
export function TimelineLabels({ geometry }: { geometry: TimelineGeometry }) {
  return (
    <g className="tl-labels">
      <text className="tl-axis" x={6} y={TL_TOP - 20} dy="0.35em">
        boot
      </text>
      <text className="tl-axis" x={6} y={TL_TOP - 7} dy="0.35em">
        step
      </text>
      {geometry.rows.map((r) => (
        <text
          key={r.id}
          className={`tl-row-label ${r.kind}`}
          x={r.kind === 'session' ? 6 : 16}
          y={r.y + r.height / 2}
          dy="0.35em"
        >
          {r.label.length > 18 ? `${r.label.slice(0, 17)}…` : r.label}
        </text>
      ))}
      <line
        className="tl-divider"
        x1={TL_LABEL - 1}
        x2={TL_LABEL - 1}
        y1={0}
        y2={geometry.height}
      />
    </g>
  );
}
