import type { FileView, NodeState } from '../../engine';
import type { CompareKey } from '../../store';
import { NodeIcon } from '../NodeIcon';
import { STATE_TEXT } from '../nodeStates';

/** A large scenario's column: how many files are in each state, and the orphans by name. */
export function StateSummary({
  variant,
  views,
}: {
  variant: CompareKey;
  views: Readonly<Record<string, FileView>>;
}) {
  const counts = new Map<NodeState, number>();
  const orphans: string[] = [];
  for (const [id, v] of Object.entries(views)) {
    counts.set(v.state, (counts.get(v.state) ?? 0) + 1);
    if (v.orphan) orphans.push(id);
  }
  return (
    <ul className="state-summary" aria-label={`Files under variant ${variant}, by state`}>
      {[...counts].map(([state, n]) => (
        <li key={state} className={`state-${state}`}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <NodeIcon state={state} />
          </svg>{' '}
          {n} {STATE_TEXT[state]}
        </li>
      ))}
      {orphans.length > 0 && <li className="orphan-text">orphans: {orphans.join(', ')}</li>}
    </ul>
  );
}
