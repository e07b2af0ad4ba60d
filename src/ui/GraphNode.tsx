import { memo, useCallback } from 'react';
import type { KeyboardEvent } from 'react';
import type { FileId } from '../engine';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout';
import { selectNodeView, selectPropsNote } from '../store';
import { NodeIcon } from './NodeIcon';
import { nodeLabel, statusLine } from './nodeStates';
import { FocusRing } from './FocusRing';
import { useAppStore, useStoreApi } from './storeContext';

interface Props {
  id: string;
  type: string;
  x: number;
  y: number;
}

/** One file: its state by border, icon and text; a click or Enter/Space does its primary action. */
export const GraphNode = memo(function GraphNode({ id, type, x, y }: Props) {
  const view = useAppStore(selectNodeView(id));
  const note = useAppStore(selectPropsNote(id));
  const selected = useAppStore((s) => s.selected === id);
  const store = useStoreApi();
  const activate = useCallback(() => store.getState().activate(id as FileId), [store, id]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      activate();
    },
    [activate],
  );
  if (!view) return null;
  const cls = `node state-${view.state}${selected ? ' selected' : ''}${view.orphan ? ' orphan' : ''}`;
  return (
    <g
      className={cls}
      transform={`translate(${x - NODE_WIDTH / 2},${y - NODE_HEIGHT / 2})`}
      data-testid={`node-${id}`}
      data-state={view.state}
      data-orphan={String(view.orphan)}
      tabIndex={0}
      role="button"
      aria-label={nodeLabel(id, type, view, note)}
      aria-current={selected ? true : undefined}
      onClick={activate}
      onKeyDown={onKeyDown}
    >
      <FocusRing />
      {view.state === 'preserved' && (
        <rect
          className="node-outer"
          x={-3}
          y={-3}
          width={NODE_WIDTH + 6}
          height={NODE_HEIGHT + 6}
          rx={10}
        />
      )}
      <rect className="node-box" width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
      <g transform="translate(10,10)" className="node-icon" aria-hidden="true">
        <NodeIcon state={view.state} />
      </g>
      <text className="node-id" x={32} y={22}>
        {id}
      </text>
      <text className="node-type" x={32} y={41}>
        {note ? `${type} · ${note}` : type}
      </text>
      <text className="node-status" x={10} y={64}>
        {statusLine(view)}
      </text>
      {view.orphan && (
        <g className="orphan-badge" transform={`translate(${NODE_WIDTH - 70},-12)`}>
          <rect width={76} height={22} rx={11} />
          <path className="orphan-mark" d="M14 4l7 13H7z" />
          <text x={14} y={15.5} textAnchor="middle" className="orphan-bang">
            !
          </text>
          <text x={48} y={15} textAnchor="middle">
            orphan
          </text>
        </g>
      )}
    </g>
  );
});
