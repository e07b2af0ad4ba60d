import { selectOutcome, selectRebootFailure } from '../store';
import { useAppStore } from './storeContext';

/** Orphans (silent or detected), data loss, stuck sessions and a failed reboot, at a glance. */
export function OutcomeBanner() {
  const outcome = useAppStore(selectOutcome);
  const failure = useAppStore(selectRebootFailure);
  const { orphans, dataLoss, stuckSessions, boots } = outcome;
  const problems = orphans.length + dataLoss.length + stuckSessions.length + (failure ? 1 : 0);
  return (
    <section
      className={`outcome ${problems > 0 ? 'bad' : 'good'}`}
      aria-label="Outcome"
      data-testid="outcome"
      data-orphans={orphans.length}
      data-data-loss={dataLoss.length}
      data-stuck={stuckSessions.length}
      data-reboot-failed={String(failure !== null)}
    >
      <strong className="outcome-title">
        {problems === 0 ? 'Clean so far' : 'Problems'} · {boots} kexec{boots === 1 ? '' : 's'}
      </strong>
      {problems === 0 && <span> no orphan, no data loss, no stuck session.</span>}
      <ul>
        {orphans.map((o) => (
          <li key={`${o.file}-${o.dependsOn}`} data-testid="outcome-orphan">
            <strong>Orphan:</strong> {o.file} was handed to the VMM but its dependency {o.dependsOn}{' '}
            never was, and LUO let go of it.{' '}
            {o.detected
              ? 'Detected: the kernel refused or warned (session stuck).'
              : 'Silent: the kernel said nothing.'}
          </li>
        ))}
        {dataLoss.length > 0 && (
          <li>
            <strong>Data lost:</strong> {dataLoss.join(', ')} (preserved contents discarded).
          </li>
        )}
        {stuckSessions.length > 0 && (
          <li>
            <strong>Stuck sessions:</strong> {stuckSessions.join(', ')} (release failed; files held
            until the next live update).
          </li>
        )}
        {failure && (
          <li>
            <strong>Reboot failed:</strong> kexec returned {failure.result.result}; LUO rolled back
            and the system keeps running. {failure.result.reason}
          </li>
        )}
      </ul>
    </section>
  );
}
