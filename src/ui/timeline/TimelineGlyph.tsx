import type { TimelineGlyph as Glyph } from '../../layout/timeline';

/** The outline of an operation: circle preserve, square retrieve, diamond kernel retrieval. */
function Shape({ g }: { g: Glyph }) {
  const { x, y } = g;
  const cy = y - 4;
  if (g.implicit) return <path className="tl-shape" d={`M${x} ${cy - 9}l9 9l-9 9l-9-9z`} />;
  switch (g.op) {
    case 'preserve':
      return <circle className="tl-shape" cx={x} cy={cy} r={8.5} />;
    case 'retrieve':
      return <rect className="tl-shape" x={x - 8} y={cy - 8} width={16} height={16} rx={2} />;
    case 'finish':
      return <path className="tl-shape" d={`M${x} ${cy - 9}l9.5 16h-19z`} />;
    default:
      return <rect className="tl-shape" x={x - 11} y={cy - 7} width={22} height={14} rx={7} />;
  }
}

/**
 * One operation on a row: its shape says the op, the letter in it too; a refused one is struck
 * through and its errno is written under it.
 */
export function TimelineGlyph({ g }: { g: Glyph }) {
  const cls = `tl-glyph ${g.ok ? 'ok' : 'refused'}${g.implicit ? ' implicit' : ''}`;
  return (
    <g
      className={cls}
      data-testid="timeline-glyph"
      data-row={g.row}
      data-step={g.step}
      data-op={g.op}
      data-result={g.result}
      data-implicit={String(g.implicit)}
    >
      <title>{g.title}</title>
      <Shape g={g} />
      <text className="tl-letter" x={g.x} y={g.y - 4} dy="0.35em" textAnchor="middle">
        {g.letter}
      </text>
      {!g.ok && (
        <>
          <path className="tl-strike" d={`M${g.x - 9} ${g.y + 4}L${g.x + 9} ${g.y - 12}`} />
          <text className="tl-result" x={g.x} y={g.y + 11} textAnchor="middle">
            {g.result}
          </text>
        </>
      )}
    </g>
  );
}
