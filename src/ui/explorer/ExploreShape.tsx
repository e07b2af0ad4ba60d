import { MAX_KEXECS, MAX_SESSIONS } from '../../explore/shape';
import {
  selectExploreKexecs,
  selectExploreSessions,
  selectExploreSetSteps,
  selectExploreStatus,
} from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The run shape of the next exploration: sessions, kexecs, the VMM's set steps. */
export function ExploreShape() {
  const store = useStoreApi();
  const sessions = useAppStore(selectExploreSessions);
  const kexecs = useAppStore(selectExploreKexecs);
  const setSteps = useAppStore(selectExploreSetSteps);
  const running = useAppStore(selectExploreStatus) === 'running';
  const set = store.getState().setExploreShape;
  return (
    <fieldset className="explore-shape">
      <legend>Run shape</legend>
      <label>
        Sessions{' '}
        <select
          data-testid="explore-sessions"
          value={sessions}
          disabled={running}
          onChange={(e) => set({ sessions: Number(e.target.value) })}
        >
          {range(MAX_SESSIONS).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kexecs{' '}
        <select
          data-testid="explore-kexecs"
          value={kexecs}
          disabled={running}
          onChange={(e) => set({ kexecs: Number(e.target.value) })}
        >
          {range(MAX_KEXECS).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="explore-set-steps"
          checked={setSteps}
          disabled={running}
          onChange={(e) => set({ setSteps: e.target.checked })}
        />
        <span>VMM set steps before kexec</span>
      </label>
    </fieldset>
  );
}
