import { selectOutcome, selectRebootFailure } from '../store';
import { useAppStore } from './storeContext';

/**
 * Orphans (silent or detected), data loss, stuck sessions, a failed reboot, devices left reset
 * and a hung VMM, at a glance.
 */
export function OutcomeBanner() {
  const outcome = useAppStore(selectOutcome);
  const failure = useAppStore(selectRebootFailure);
  const { orphans, dataLoss, stuckSessions, boots } = outcome;
  const reset = outcome.devicesReset ?? [];
  const hung = outcome.hung;
  const problems =
    orphans.length +
    dataLoss.length +
    stuckSessions.length +
    reset.length +
    (hung ? 1 : 0) +
    (failure ? 1 : 0);
  return (
    <section
      className={`outcome ${problems > 0 ? 'bad' : 'good'}`}
      aria-label="Outcome"
      data-testid="outcome"
      data-orphans={orphans.length}
      data-data-loss={dataLoss.length}
      data-stuck={stuckSessions.length}
      data-reboot-failed={String(failure !== null)}
      data-hung={String(hung !== undefined)}
      data-devices-reset={reset.length}
    >
      <strong className="outcome-title">
        {problems === 0 ? 'Clean so far' : 'Problems'} · {boots} kexec{boots === 1 ? '' : 's'}
      </strong>
      {problems === 0 && <span> no orphan, no data loss, no stuck session.</span>}
      <ul>
        {hung && (
          <li data-testid="outcome-hung">
            <strong>VMM hung:</strong> a syscall never returned; no later step runs. {hung.reason}
          </li>
        )}
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
        {reset.length > 0 && (
          <li data-testid="outcome-reset">
            <strong>Devices left reset:</strong> {reset.join(', ')} (frozen, then the kexec failed;
            vfio-pci has no .unfreeze(), so the device stays reset).
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
