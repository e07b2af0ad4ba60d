import type { TimelineMark as Mark } from '../../layout/timeline';

const WORD: Record<Mark['kind'], string> = {
  orphan: 'orphan',
  'data-loss': 'lost',
  stuck: 'stuck',
};

/** Where a run goes wrong: a badge with a word (orphan, lost, stuck) on the row it hurts. */
export function TimelineMark({ m }: { m: Mark }) {
  return (
    <g
      className={`tl-mark ${m.kind}`}
      data-testid="timeline-mark"
      data-kind={m.kind}
      data-row={m.row}
      data-step={m.step}
    >
      <title>{`${m.step}. ${m.text}`}</title>
      <rect x={m.x - 17} y={m.y + 3} width={34} height={11} rx={3} />
      <text x={m.x} y={m.y + 8.5} dy="0.35em" textAnchor="middle">
        {WORD[m.kind]}
      </text>
    </g>
  );
}
