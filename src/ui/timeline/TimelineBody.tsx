import { memo } from 'react';
import type { TimelineGeometry } from '../../layout/timeline';
import { TL_TOP } from '../../layout/timeline';
import { TimelineGlyph } from './TimelineGlyph';
import { TimelineMark } from './TimelineMark';

/**
 * Everything that does not change with the history position: boots, kexec bands, rows,
 * columns, arcs, glyphs and marks. Memoised, so a step change redraws only the cursor.
 */
export const TimelineBody = memo(function TimelineBody({
  geometry: g,
}: {
  geometry: TimelineGeometry;
}) {
  const right = g.width;
  return (
    <g className="tl-body">
      {g.boots.map((b) => (
        <g key={`boot-${b.boot}-${b.x0}`} className={`tl-boot b${b.boot % 2}`}>
          <rect x={b.x0} y={0} width={b.x1 - b.x0} height={g.height} />
          <text className="tl-axis" x={b.x0 + 4} y={TL_TOP - 20} dy="0.35em">
            boot {b.boot}
          </text>
        </g>
      ))}
      {g.columns.map((c) => (
        <rect
          key={c.step}
          className="tl-hit"
          data-testid="timeline-column"
          data-step={c.step}
          data-op={c.op}
          data-result={c.result}
          x={c.x}
          y={0}
          width={c.width}
          height={g.height}
        />
      ))}
      {g.rows.map((r) => (
        <line key={r.id} className={`tl-rule ${r.kind}`} x1={0} x2={right} y1={r.y} y2={r.y} />
      ))}
      {g.bands.map((b) => (
        <g
          key={`band-${b.step}`}
          className={`tl-band ${b.ok ? 'ok' : 'failed'}`}
          data-testid="timeline-kexec"
          data-step={b.step}
          data-result={b.ok ? 'ok' : 'failed'}
        >
          <rect x={b.x + 3} y={TL_TOP} width={b.width - 6} height={g.height - TL_TOP} />
          <text
            className="tl-band-label"
            transform={`translate(${b.x + b.width / 2},${TL_TOP + 6}) rotate(90)`}
            dy="0.35em"
          >
            {b.label}
          </text>
        </g>
      ))}
      {g.columns.map((c) => (
        <text
          key={c.step}
          className="tl-axis tl-step"
          x={c.x + c.width / 2}
          y={TL_TOP - 7}
          dy="0.35em"
          textAnchor="middle"
        >
          {c.step}
        </text>
      ))}
      {g.arcs.map((a) => (
        <path
          key={a.id}
          className={`tl-arc${a.implicit ? ' implicit' : ''}`}
          d={a.path}
          data-testid="timeline-arc"
          data-row={a.row}
          data-from={a.from}
          data-to={a.to}
        />
      ))}
      {g.glyphs.map((x) => (
        <TimelineGlyph key={x.id} g={x} />
      ))}
      {g.marks.map((m) => (
        <TimelineMark key={m.id} m={m} />
      ))}
    </g>
  );
});
