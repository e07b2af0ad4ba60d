import {
  selectExploreError,
  selectExploreProgress,
  selectExploreQueued,
  selectExploreResults,
  selectExploreStatus,
} from '../../store';
import { useAppStore } from '../storeContext';
import { plural } from './format';

/** Where the exploration is: a status line (announced) and the states visited so far. */
export function ExploreStatus() {
  const status = useAppStore(selectExploreStatus);
  const progress = useAppStore(selectExploreProgress);
  const queued = useAppStore(selectExploreQueued);
  const results = useAppStore(selectExploreResults);
  const error = useAppStore(selectExploreError);
  const finished = queued.filter((v) => results[v]).length;
  const text = {
    idle: 'Not explored yet.',
    running: `Exploring: ${finished} of ${queued.length} variants done.`,
    done: `Done: ${plural(queued.length, 'variant')} explored.`,
    cancelled: `Cancelled: ${finished} of ${queued.length} variants were done.`,
    error: `Error: ${error ?? 'the exploration failed'}`,
  }[status];
  const at = progress && queued.indexOf(progress.variant) + 1;
  return (
    <div className="explore-status">
      <p role="status" data-testid="explore-status" data-status={status}>
        <strong>{text}</strong>
      </p>
      {progress && (status === 'running' || status === 'cancelled') && (
        <p data-testid="explore-progress" data-states={progress.states}>
          {status === 'running' ? (
            <span className="spinner" aria-hidden="true" />
          ) : (
            <span>Stopped at: </span>
          )}
          Variant {progress.variant} ({at} of {queued.length}):{' '}
          {plural(progress.states, 'distinct state')} visited
          {progress.perSecond > 0 && ` (${progress.perSecond.toLocaleString('en-US')} per second)`}
          {status === 'running' ? '…' : '.'}
        </p>
      )}
    </div>
  );
}
