import { selectReplaying } from '../store';
import type { ReplayProgress } from '../store';
import { useAppStore } from './storeContext';

/**
 * While a long history replays in slices: how far it got, as a progress bar and in words. The
 * work on screen stays usable; acting on it drops the replay (the store says so).
 */
export function ReplayStatus() {
  const job = useAppStore(selectReplaying);
  return job ? <ReplayProgressLine job={job} testId="replaying" /> : null;
}

/** A replay in slices, how far it got: "Replaying <what>: 4,210 of 8,009 done" and a bar. */
export function ReplayProgressLine({ job, testId }: { job: ReplayProgress; testId: string }) {
  const n = (x: number) => x.toLocaleString('en-US');
  const text = `Replaying ${job.what}: ${n(job.done)} of ${n(job.total)} done`;
  return (
    <div className="notice" role="status" data-testid={testId} data-done={job.done}>
      <label>
        {text}{' '}
        <progress max={job.total} value={job.done}>
          {Math.floor((100 * job.done) / job.total)}%
        </progress>
      </label>
    </div>
  );
}
