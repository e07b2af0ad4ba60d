import { ArrowMarker } from '../ArrowMarker';
import { memo } from 'react';
import type { FileView } from '../../engine';
import type { CompareKey } from '../../store';
import { NODE_HEIGHT, NODE_WIDTH } from '../../layout';
import type { GraphLayout } from '../../layout';
import { NodeIcon } from '../NodeIcon';
import { nodeLabel } from '../nodeStates';

interface Props {
  variant: CompareKey;
  layout: GraphLayout;
  types: ReadonlyMap<string, string>;
  views: Readonly<Record<string, FileView>>;
}

const PAD = 16;
/** A state word longer than this gets a smaller font to stay inside its box. */
const LONG_WORD = 12;

/**
 * The graph of one column at a smaller scale: the same cached layout (nodes never move), a
 * node drawn as its state's border and icon, its id and its state in words. Not interactive:
 * actions are taken in the graph view.
 */
export const CompactGraph = memo(function CompactGraph({ variant, layout, types, views }: Props) {
  const marker = `cmp-arrow-${variant}`;
  const box = `${-PAD} ${-PAD - 8} ${layout.width + 2 * PAD} ${layout.height + 2 * PAD + 8}`;
  return (
    <svg
      className="compact-graph"
      viewBox={box}
      role="group"
      aria-label={`Files under variant ${variant}`}
      data-testid={`compare-graph-${variant}`}
    >
      <defs>
        <ArrowMarker id={marker} />
      </defs>
      {layout.edges.map((e) => (
        <path
          key={e.id}
          className={e.back ? 'edge back' : 'edge'}
          d={e.d}
          markerEnd={`url(#${marker})`}
        />
      ))}
      {layout.nodes.map((n) => {
        const view = views[n.id];
        if (!view) return null;
        const type = types.get(n.id) ?? '';
        return (
          <g
            key={n.id}
            className={`cnode state-${view.state}`}
            transform={`translate(${n.x - NODE_WIDTH / 2},${n.y - NODE_HEIGHT / 2})`}
            role="img"
            aria-label={nodeLabel(n.id, type, view)}
            data-testid={`compare-node-${variant}-${n.id}`}
            data-state={view.state}
            data-orphan={String(view.orphan)}
          >
            <rect className="node-box" width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
            <g transform="translate(10,12) scale(1.5)" aria-hidden="true">
              <NodeIcon state={view.state} />
            </g>
            <text className="cnode-id" x={42} y={32}>
              {n.id}
            </text>
            <text
              className={`cnode-state${view.state.length > LONG_WORD ? ' long' : ''}`}
              x={12}
              y={64}
            >
              {view.state}
            </text>
            {view.orphan && (
              <g className="orphan-badge" transform={`translate(${NODE_WIDTH - 86},-16)`}>
                <rect width={92} height={28} rx={14} />
                <text x={46} y={20} textAnchor="middle" className="cnode-orphan">
                  ! orphan
                </text>
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
});
