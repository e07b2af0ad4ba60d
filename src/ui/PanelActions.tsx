import { useState } from 'react';
import type { FileId, SessionHandle, Token } from '../engine';
import { selectActiveHandle, selectNextFreeToken, selectNodeView, selectSessions } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

/** Preserve into a chosen session with a chosen token, or retrieve a chosen token. */
export function PanelActions({ id }: { id: FileId }) {
  const store = useStoreApi();
  const sessions = useAppStore(selectSessions);
  const active = useAppStore(selectActiveHandle);
  const view = useAppStore(selectNodeView(id));
  const outgoing = sessions.filter((s) => s.dir === 'outgoing');
  const incoming = sessions.filter((s) => s.dir === 'incoming');
  // Choices belong to one file: another file starts from the defaults (no remount needed).
  const [choice, setChoice] = useState({ id, out: '', in: '', token: '' });
  const {
    out: outChoice,
    in: inChoice,
    token,
  } = choice.id === id ? choice : { out: '', in: '', token: '' };
  const update = (patch: Partial<typeof choice>) =>
    setChoice({ id, out: outChoice, in: inChoice, token, ...patch });
  const outHandle =
    outgoing.find((s) => s.handle === outChoice)?.handle ??
    outgoing.find((s) => s.handle === active)?.handle ??
    outgoing[outgoing.length - 1]?.handle;
  const inHandle =
    incoming.find((s) => s.handle === inChoice)?.handle ??
    incoming.find((s) => s.name === view?.session)?.handle ??
    incoming[0]?.handle;
  const nextToken = useAppStore(selectNextFreeToken(outHandle));
  const tokenValue = (fallback: number | undefined) =>
    token !== '' ? Number(token) : (fallback ?? 1);
  const preserveToken = tokenValue(nextToken);
  const retrieveToken = tokenValue(view?.token);
  const preserve = () =>
    outHandle &&
    store
      .getState()
      .perform([{ op: 'preserve', session: outHandle, file: id, token: preserveToken as Token }]);
  const retrieve = () =>
    inHandle &&
    store
      .getState()
      .perform([
        { op: 'retrieve', session: inHandle as SessionHandle, token: retrieveToken as Token },
      ]);
  return (
    <fieldset className="panel-actions">
      <legend>Session and token</legend>
      <label>
        Token
        <input
          type="number"
          min={0}
          step={1}
          data-testid="panel-token"
          value={token}
          placeholder="auto"
          onChange={(e) => update({ token: e.target.value })}
        />
      </label>
      <div className="row">
        <label>
          Outgoing session
          <select
            data-testid="panel-out-session"
            value={outHandle ?? ''}
            onChange={(e) => update({ out: e.target.value })}
            disabled={outgoing.length === 0}
          >
            {outgoing.length === 0 && <option value="">none open</option>}
            {outgoing.map((s) => (
              <option key={s.handle} value={s.handle}>
                {s.handle} ("{s.name}", {s.files} file{s.files === 1 ? '' : 's'})
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="panel-preserve" onClick={preserve} disabled={!outHandle}>
          Preserve as token {preserveToken}
        </button>
      </div>
      <div className="row">
        <label>
          Incoming session
          <select
            data-testid="panel-in-session"
            value={inHandle ?? ''}
            onChange={(e) => update({ in: e.target.value })}
            disabled={incoming.length === 0}
          >
            {incoming.length === 0 && <option value="">none retrieved</option>}
            {incoming.map((s) => (
              <option key={s.handle} value={s.handle}>
                {s.handle} ("{s.name}", {s.files} file{s.files === 1 ? '' : 's'})
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="panel-retrieve" onClick={retrieve} disabled={!inHandle}>
          Retrieve token {retrieveToken}
        </button>
      </div>
    </fieldset>
  );
}
