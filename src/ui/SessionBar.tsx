import { useMemo, useState } from 'react';
import type { SessionHandle } from '../engine';
import {
  DEFAULT_SESSION,
  LIST_WINDOW,
  freshHandle,
  selectActiveHandle,
  selectBoot,
  selectIncoming,
  selectIncomingTarget,
  selectSessions,
} from '../store';
import { ToolbarMenu } from './chrome/ToolbarMenu';
import { SessionExtras } from './SessionExtras';
import { useAppStore, useStoreApi } from './storeContext';

/**
 * At most LIST_WINDOW of a long list of sessions as options: the chosen one, then those `pick`
 * puts first (a select of 30,000 options is no help, and slow to draw); `more` counts the rest.
 */
function capped<T>(
  list: readonly T[],
  chosen: (x: T) => boolean,
  pick: (x: T, i: number) => number,
) {
  if (list.length <= LIST_WINDOW) return { shown: list, more: 0 };
  const order = list.map((x, i) => [chosen(x) ? -Infinity : pick(x, i), i] as const);
  order.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const keep = new Set(order.slice(0, LIST_WINDOW).map(([, i]) => i));
  return { shown: list.filter((_, i) => keep.has(i)), more: list.length - LIST_WINDOW };
}

const MoreOption = ({ more }: { more: number }) =>
  more > 0 ? (
    <option value="" disabled>
      … {more.toLocaleString('en-US')} more not listed
    </option>
  ) : null;

/**
 * Session controls, kexec and the boot indicator. Creating and retrieving a session by hand is
 * rarely needed (a click on a file does it), so those sit in a menu.
 */
export function SessionBar() {
  const store = useStoreApi();
  const boot = useAppStore(selectBoot);
  const sessions = useAppStore(selectSessions);
  const incoming = useAppStore(selectIncoming);
  const handle = useAppStore(selectActiveHandle);
  const target = useAppStore(selectIncomingTarget);
  const [name, setName] = useState(DEFAULT_SESSION);
  const [inChoice, setInChoice] = useState('');
  const inName = incoming.some((i) => i.name === inChoice) ? inChoice : target;
  // The newest session fds; incoming sessions not yet retrieved, in order.
  const fds = useMemo(
    () =>
      capped(
        sessions,
        (s) => s.handle === handle,
        (_, i) => -i,
      ),
    [sessions, handle],
  );
  const ins = useMemo(
    () =>
      capped(
        incoming,
        (i) => i.name === inName,
        (i) => (i.retrieved ? 1 : 0),
      ),
    [incoming, inName],
  );
  const perform = store.getState().perform;
  const state = () => store.getState().current.state;
  return (
    <section className="session-bar" aria-label="Sessions and reboot">
      <p className="boot" data-testid="boot" data-boot={boot}>
        <span className="boot-label">Boot</span> <strong>{boot}</strong>
      </p>
      <div className="group">
        <label>
          Session fd
          <select
            data-testid="session"
            value={handle ?? ''}
            disabled={sessions.length === 0}
            onChange={(e) => store.getState().selectHandle(e.target.value as SessionHandle)}
          >
            {sessions.length === 0 && <option value="">none open</option>}
            {fds.shown.map((s) => (
              <option key={s.handle} value={s.handle}>
                {s.handle}: {s.dir} "{s.name}", {s.files} file{s.files === 1 ? '' : 's'}
              </option>
            ))}
            <MoreOption more={fds.more} />
          </select>
        </label>
        <button
          type="button"
          data-testid="action-close-session"
          disabled={!handle}
          onClick={() => handle && perform([{ op: 'closeSession', session: handle }])}
        >
          Close session
        </button>
        <button
          type="button"
          data-testid="action-finish"
          disabled={!handle}
          onClick={() => handle && perform([{ op: 'finish', session: handle, reserved: 0 }])}
        >
          Finish
        </button>
      </div>
      <ToolbarMenu label="More session actions" testId="session-menu">
        <div className="group">
          <label>
            New session name
            <input
              data-testid="session-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              size={8}
            />
          </label>
          <button
            type="button"
            data-testid="action-create-session"
            onClick={() => perform([{ op: 'createSession', name, as: freshHandle(state(), name) }])}
          >
            Create session
          </button>
        </div>
        <div className="group">
          <label>
            Incoming session
            <select
              data-testid="incoming-session"
              value={inName ?? ''}
              disabled={incoming.length === 0}
              onChange={(e) => setInChoice(e.target.value)}
            >
              {incoming.length === 0 && <option value="">none</option>}
              {ins.shown.map((i) => (
                <option key={i.name} value={i.name}>
                  "{i.name}", {i.files} file{i.files === 1 ? '' : 's'}
                  {i.retrieved ? ', retrieved' : ''}
                  {i.stuck ? ', stuck' : ''}
                </option>
              ))}
              <MoreOption more={ins.more} />
            </select>
          </label>
          <button
            type="button"
            data-testid="action-retrieve-session"
            disabled={!inName}
            onClick={() =>
              inName &&
              perform([{ op: 'retrieveSession', name: inName, as: freshHandle(state(), inName) }])
            }
          >
            Retrieve session
          </button>
        </div>
        <SessionExtras handle={handle} />
      </ToolbarMenu>
      <button
        type="button"
        className="kexec"
        data-testid="action-kexec"
        onClick={() => perform([{ op: 'kexec' }])}
      >
        kexec (reboot into boot {boot + 1})
      </button>
    </section>
  );
}
