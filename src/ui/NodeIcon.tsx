import type { NodeState } from '../engine';

/** A 16x16 glyph per state, drawn in SVG (no icon font, no emoji). */
export function NodeIcon({ state }: { state: NodeState }) {
  switch (state) {
    case 'live':
      return <circle cx={8} cy={8} r={5} className="icon-fill" />;
    case 'preserved':
      return (
        <g>
          <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" className="icon-line" />
          <rect x={2.5} y={7} width={11} height={8} rx={1.5} className="icon-fill" />
        </g>
      );
    case 'gone':
      return <path d="M3 3l10 10M13 3L3 13" className="icon-line" />;
    case 'incoming':
      return <path d="M8 1v9M4 6l4 4 4-4M2 14h12" className="icon-line" />;
    case 'kernel-retrieved':
      return (
        <g>
          <circle cx={8} cy={8} r={6} className="icon-line" strokeDasharray="2.5 2" />
          <circle cx={8} cy={8} r={2} className="icon-fill" />
        </g>
      );
    case 'retrieved':
      return (
        <g>
          <circle cx={8} cy={8} r={6.5} className="icon-line" />
          <circle cx={8} cy={8} r={3.5} className="icon-fill" />
        </g>
      );
    case 'finished':
      return <path d="M2 8.5l4 4 8-9" className="icon-line" />;
    case 'discarded':
      return (
        <g>
          <circle cx={8} cy={8} r={6} className="icon-line" />
          <path d="M3.8 12.2l8.4-8.4" className="icon-line" />
        </g>
      );
  }
}
