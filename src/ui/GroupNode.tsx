import { memo, useCallback } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { FileId, NodeState } from '../engine';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout';
import type { FileGroup } from '../layout/groups';
import type { AppData } from '../store';
import { selectNodeView } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

interface Props {
  group: FileGroup;
  x: number;
  y: number;
  onExpand(id: string): void;
}

/** States whose primary action (preserve, retrieve) a click on a group takes first. */
const WAITING: readonly NodeState[] = ['live', 'incoming'];

const statesOf = (s: AppData, members: readonly FileId[]) =>
  members.map((id) => selectNodeView(id)(s)?.state ?? 'gone');

/** "62 live · 2 preserved": how many members are in each state, in the order first met. */
function summary(states: readonly string[]): string {
  const n = new Map<string, number>();
  for (const st of states) n.set(st, (n.get(st) ?? 0) + 1);
  return [...n].map(([st, k]) => `${k} ${st}`).join(' · ');
}

/**
 * Interchangeable files as one node ("64 × kvm-vcpu", how many are in each state). A click
 * (Enter, Space) acts on the group's next file: the first one still waiting to be preserved
 * or retrieved; with Shift, on every file waiting in that state. "Expand" draws the files.
 */
export const GroupNode = memo(function GroupNode({ group, x, y, onExpand }: Props) {
  const store = useStoreApi();
  const joined = useAppStore(
    useCallback((s: AppData) => statesOf(s, group.members).join(','), [group]),
  );
  const states = joined.split(',');
  const act = useCallback(
    (all: boolean) => {
      const st = statesOf(store.getState(), group.members);
      const first = st.findIndex((x) => WAITING.includes(x as NodeState));
      const at = first < 0 ? 0 : first;
      const picked = all ? group.members.filter((_, i) => st[i] === st[at]) : [group.members[at]!];
      for (const id of picked) store.getState().activate(id);
    },
    [store, group],
  );
  const onClick = (e: MouseEvent) => act(e.shiftKey);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    act(e.shiftKey);
  };
  const expand = (e: MouseEvent | KeyboardEvent) => {
    if ('key' in e && e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onExpand(group.id);
  };
  const title = `${group.members.length} × ${group.type}`;
  const counts = summary(states);
  return (
    <g transform={`translate(${x - NODE_WIDTH / 2},${y - NODE_HEIGHT / 2})`}>
      <g
        className={`node group-node state-${states[0]}`}
        data-testid={`node-${group.id}`}
        data-group-size={group.members.length}
        data-counts={counts}
        tabIndex={0}
        role="button"
        aria-label={`${title}: ${counts}. Acts on the next file; Shift for all of them.`}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <rect
          className="focus-ring"
          x={-5}
          y={-5}
          width={NODE_WIDTH + 10}
          height={NODE_HEIGHT + 10}
          rx={12}
        />
        <rect
          className="node-box group-back"
          x={6}
          y={-6}
          width={NODE_WIDTH}
          height={NODE_HEIGHT}
          rx={8}
        />
        <rect className="node-box" width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
        <text className="node-id" x={10} y={22}>
          {title}
        </text>
        <text className="node-type" x={10} y={41}>
          {`${group.members[0]} … ${group.members.at(-1)}`}
        </text>
        <text className="node-status" x={10} y={64}>
          {counts}
        </text>
      </g>
      <g
        className="group-expand"
        role="button"
        tabIndex={0}
        data-testid={`expand-${group.id}`}
        aria-label={`Expand ${title} into its files`}
        transform={`translate(${NODE_WIDTH - 58},-14)`}
        onClick={expand}
        onKeyDown={expand}
      >
        <rect width={64} height={22} rx={11} />
        <text x={32} y={15} textAnchor="middle">
          expand
        </text>
      </g>
    </g>
  );
});
