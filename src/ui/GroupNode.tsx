import { memo, useCallback } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { FileId, NodeState } from '../engine';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout';
import type { FileGroup } from '../layout/groups';
import type { AppData } from '../store';
import { selectNodeView } from '../store';
import { FocusRing } from './FocusRing';
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

/** The member a click acts on: the first still waiting to be preserved or retrieved, or -1. */
const nextIndex = (states: readonly string[]) =>
  states.findIndex((x) => WAITING.includes(x as NodeState));

/** ["62 live", "2 preserved"]: how many members are in each state, in the order first met. */
function tally(states: readonly string[]): string[] {
  const n = new Map<string, number>();
  for (const st of states) n.set(st, (n.get(st) ?? 0) + 1);
  return [...n].map(([st, k]) => `${k} ${st}`);
}

/** About as many 12.5 px bold characters as a node's width holds. */
const LINE = 22;

/** The tally on one line, or two when it does not fit one (the rest on the second). */
function lines(parts: readonly string[]): string[] {
  const out = [''];
  for (const p of parts) {
    const last = out[out.length - 1]!;
    if (last && `${last} · ${p}`.length > LINE && out.length < 2) out.push(p);
    else out[out.length - 1] = last ? `${last} · ${p}` : p;
  }
  return out;
}

/** "vm-vcpu0 … 63": the first member, and the last without the name part they share. */
function range(members: readonly string[]): string {
  const [a, b] = [members[0]!, members.at(-1)!];
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  while (n > 0 && /\d/.test(a[n - 1]!)) n--;
  return `${a} … ${b.slice(n)}`;
}

const VERB: Partial<Record<string, string>> = { live: 'Preserve', incoming: 'Retrieve' };

/**
 * Interchangeable files as one node ("64 × kvm-vcpu", how many are in each state, on two lines
 * where one is too short). A click (Enter, Space) acts on the group's next file: the first one
 * still waiting to be preserved or retrieved; with Shift, or its "all" button, on every file
 * waiting in that state, stopping at the first the kernel refuses. "Expand" draws the files.
 * The border shows the state of the next file, the one a click acts on.
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
      const at = Math.max(0, nextIndex(st));
      const picked = all ? group.members.filter((_, i) => st[i] === st[at]) : [group.members[at]!];
      for (const id of picked) {
        store.getState().activate(id);
        // The kernel refused it: the others in that state would be refused the same way.
        if (statesOf(store.getState(), [id])[0] === st[at]) break;
      }
    },
    [store, group],
  );
  const onClick = (e: MouseEvent) => act(e.shiftKey);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    act(e.shiftKey);
  };
  const pill = (run: () => void) => (e: MouseEvent | KeyboardEvent) => {
    if ('key' in e && e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    run();
  };
  const title = `${group.members.length} × ${group.type}`;
  const parts = tally(states);
  const counts = parts.join(' · ');
  const shown = lines(parts);
  const next = nextIndex(states);
  const waiting = next < 0 ? 0 : states.filter((st) => st === states[next]).length;
  const allLabel =
    next < 0
      ? `${title}: no file waiting to be preserved or retrieved`
      : `${VERB[states[next]!] ?? 'Act on'} all ${waiting} ${states[next]} files of ${title}`;
  const all = pill(() => next >= 0 && act(true));
  return (
    <g transform={`translate(${x - NODE_WIDTH / 2},${y - NODE_HEIGHT / 2})`}>
      <g
        className={`node group-node state-${states[Math.max(0, next)]}`}
        data-testid={`node-${group.id}`}
        data-group-size={group.members.length}
        data-counts={counts}
        tabIndex={0}
        role="button"
        aria-label={`${title}, ${range(group.members)}: ${counts}. Acts on the next file; Shift or "all" for all of them.`}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <FocusRing />
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
        {shown.length === 1 && (
          <text className="node-type" x={10} y={41}>
            {range(group.members)}
          </text>
        )}
        {shown.map((line, i) => (
          <text key={i} className="node-status" x={10} y={64 - (shown.length - 1 - i) * 19}>
            {line}
          </text>
        ))}
      </g>
      <g
        className="group-expand group-all"
        role="button"
        tabIndex={0}
        data-testid={`all-${group.id}`}
        aria-label={allLabel}
        aria-disabled={next < 0 ? true : undefined}
        transform={`translate(${NODE_WIDTH - 126},-14)`}
        onClick={all}
        onKeyDown={all}
      >
        <title>{allLabel}</title>
        <rect width={64} height={22} rx={11} />
        <text x={32} y={15} textAnchor="middle">
          {next < 0 ? 'all' : `all ${waiting}`}
        </text>
      </g>
      <g
        className="group-expand"
        role="button"
        tabIndex={0}
        data-testid={`expand-${group.id}`}
        aria-label={`Expand ${title} into its files`}
        transform={`translate(${NODE_WIDTH - 58},-14)`}
        onClick={pill(() => onExpand(group.id))}
        onKeyDown={pill(() => onExpand(group.id))}
      >
        <rect width={64} height={22} rx={11} />
        <text x={32} y={15} textAnchor="middle">
          expand
        </text>
      </g>
    </g>
  );
});
