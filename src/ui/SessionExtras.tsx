import type { SessionHandle } from '../engine';
import { selectDevOpen, selectSessionFreeze } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

/**
 * The less common ioctls: LIVEUPDATE_SESSION_FREEZE on the chosen session (where the kernel
 * tree has it), GET_NAME, and closing or opening /dev/liveupdate again.
 */
export function SessionExtras({ handle }: { handle: SessionHandle | null }) {
  const store = useStoreApi();
  const freeze = useAppStore(selectSessionFreeze);
  const devOpen = useAppStore(selectDevOpen);
  const perform = store.getState().perform;
  return (
    <div className="group session-extras" role="group" aria-label="More ioctls">
      {freeze && (
        <button
          type="button"
          data-testid="action-freeze-session"
          disabled={!handle}
          onClick={() => handle && perform([{ op: 'freezeSession', session: handle, reserved: 0 }])}
        >
          Freeze session
        </button>
      )}
      <button
        type="button"
        data-testid="action-get-name"
        disabled={!handle}
        onClick={() => handle && perform([{ op: 'getSessionName', session: handle }])}
      >
        Get name
      </button>
      <button
        type="button"
        data-testid="action-device"
        data-dev-open={String(devOpen)}
        onClick={() => perform([{ op: devOpen ? 'closeDevice' : 'openDevice' }])}
      >
        {devOpen ? 'Close /dev/liveupdate' : 'Open /dev/liveupdate'}
      </button>
      {devOpen && (
        <button
          type="button"
          data-testid="action-open-device"
          onClick={() => perform([{ op: 'openDevice' }])}
        >
          Open /dev/liveupdate again
        </button>
      )}
    </div>
  );
}
