import type { TimelineGeometry } from '../../layout/timeline';
import { TL_LABEL } from '../../layout/timeline';

/**
 * The history position: the column of the last step applied is outlined, the steps after it
 * (undone, kept for redo) are veiled. `diff` marks the first step whose result differs.
 */
export function TimelineCursor({
  geometry: g,
  position,
  diff,
}: {
  geometry: TimelineGeometry;
  position: number;
  diff?: number | null;
}) {
  const col = g.columns[position - 1];
  const after = position < g.columns.length ? g.columns[position]!.x : null;
  const d = diff ? g.columns[diff - 1] : undefined;
  return (
    <g className="tl-cursor" pointerEvents="none">
      {after !== null && (
        <rect className="tl-veil" x={after} y={0} width={g.width - after} height={g.height} />
      )}
      {col ? (
        <rect
          className="tl-current"
          data-testid="timeline-current"
          data-step={position}
          x={col.x + 1}
          y={1}
          width={col.width - 2}
          height={g.height - 2}
        />
      ) : (
        <line
          className="tl-start"
          data-step={0}
          x1={TL_LABEL + 1}
          x2={TL_LABEL + 1}
          y1={0}
          y2={g.height}
        />
      )}
      {d && (
        <g className="tl-diff" data-testid="timeline-first-difference" data-step={diff}>
          <rect x={d.x + 2} y={2} width={d.width - 4} height={g.height - 4} />
          <text x={d.x + d.width / 2} y={g.height - 8} textAnchor="middle">
            ≠
          </text>
        </g>
      )}
    </g>
  );
}
