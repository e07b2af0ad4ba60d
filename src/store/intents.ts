/**
 * A node's primary action (issue 3 "Actions"): the steps one click on a file performs. Pure:
 * the steps are computed from the engine state, the engine decides what they return.
 */
import { fileView, hasFd } from '../engine';
import type { FileId, LuoState, SessionHandle, Step, Token } from '../engine';
import { freshHandle, openSessions } from './sessions';

/** The session name created when the VMM has none yet. */
export const DEFAULT_SESSION = 'vmm';

export type Intent =
  { kind: 'preserve' | 'retrieve'; steps: Step[] } | { kind: 'none'; why: string };

/** The smallest token from 1 up that this outgoing session does not use yet. */
export function nextFreeToken(state: LuoState, handle: SessionHandle): Token {
  const sid = state.handles.get(handle)?.sid;
  const files = sid === undefined ? undefined : state.outgoing.get(sid)?.files;
  let t = 1;
  while (files?.has(t as Token)) t++;
  return t as Token;
}

/**
 * Before kexec (the file has an fd and is not preserved): preserve it with the next free token
 * into `preferred` if that is an open outgoing session, else the newest open one, else into a
 * new session `vmm` created first. After kexec (the file is in an incoming session): retrieve
 * it by its token, retrieving its session first if the VMM holds no fd for it.
 */
export function primaryAction(
  state: LuoState,
  id: FileId,
  preferred: SessionHandle | null = null,
): Intent {
  const view = fileView(state, id);
  const open = openSessions(state);
  const incomingState = ['incoming', 'kernel-retrieved', 'discarded'].includes(view.state);
  if (incomingState && view.session !== undefined && view.token !== undefined) {
    const token = view.token as Token;
    const session = state.incoming.getBy(view.session)!;
    const fd = open.find((s) => s.sid === session.sid);
    if (fd) return { kind: 'retrieve', steps: [{ op: 'retrieve', session: fd.handle, token }] };
    const as = freshHandle(state, session.name);
    return {
      kind: 'retrieve',
      steps: [
        { op: 'retrieveSession', name: session.name, as },
        { op: 'retrieve', session: as, token },
      ],
    };
  }
  if (view.state === 'preserved') return { kind: 'none', why: `${id} is already ${view.detail}` };
  if (!hasFd(state, id)) return { kind: 'none', why: `${id}: ${view.detail}` };
  const outgoing = open.filter((s) => s.dir === 'outgoing');
  const target = outgoing.find((s) => s.handle === preferred) ?? outgoing[outgoing.length - 1];
  if (target) {
    const token = nextFreeToken(state, target.handle);
    return {
      kind: 'preserve',
      steps: [{ op: 'preserve', session: target.handle, file: id, token }],
    };
  }
  let name = DEFAULT_SESSION;
  for (let n = 2; state.outgoing.getBy(name); n++) name = `${DEFAULT_SESSION}${n}`;
  const as = freshHandle(state, name);
  return {
    kind: 'preserve',
    steps: [
      { op: 'createSession', name, as },
      { op: 'preserve', session: as, file: id, token: 1 as Token },
    ],
  };
}
