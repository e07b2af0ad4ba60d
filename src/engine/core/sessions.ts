/**
 * Sessions: CREATE_SESSION, RETRIEVE_SESSION and the lookup of a session fd
 * (kernel/liveupdate/luo_session.c [S2][S9], SEMANTICS §1.3, §1.4, §1.8).
 */
import type { IncomingSession, LuoState, OutgoingSession, SessionHandle } from '../types';
import { fileTable } from '../state';
import type { StepOutput } from './result';
import { ok, refuse } from './result';

/** `LIVEUPDATE_SESSION_NAME_LENGTH`: 64 bytes including the NUL. */
export const SESSION_NAME_LENGTH = 64;

/** What a session fd refers to. */
export type SessionRef =
  { dir: 'outgoing'; session: OutgoingSession } | { dir: 'incoming'; session: IncomingSession };

/** The session a handle's fd refers to, or null when the handle holds no fd (EBADF). */
export function sessionOf(state: LuoState, handle: SessionHandle): SessionRef | null {
  const h = state.handles.get(handle);
  if (!h || h.boot !== state.boot) return null;
  const out = state.outgoing.get(h.sid);
  if (out) return { dir: 'outgoing', session: out };
  const inc = state.incoming.get(h.sid);
  return inc ? { dir: 'incoming', session: inc } : null;
}

/** The EBADF every session ioctl returns on a handle without an fd. */
export function badHandle(state: LuoState, handle: SessionHandle, fn: string): StepOutput {
  // Every fd is gone at kexec: a handle of an earlier boot holds none either.
  const why = 'holds no session fd (never opened, failed or closed)';
  return refuse(state, 'EBADF', fn, `handle "${handle}" ${why} -> -EBADF`);
}

/** An ioctl on /dev/liveupdate after the VMM closed it: the fd is gone (TRACE-FORMAT). */
function deviceClosed(state: LuoState, ioctl: string): StepOutput {
  return refuse(
    state,
    'EBADF',
    'luo_ioctl',
    `${ioctl} on /dev/liveupdate, which the VMM closed (closeDevice): no fd -> -EBADF`,
  );
}

/** LIVEUPDATE_IOCTL_CREATE_SESSION: a new empty outgoing session (§1.3); see `create`. */
export function createSession(state: LuoState, name: string, as: SessionHandle): StepOutput {
  if (!state.devOpen)
    return { ...deviceClosed(state, 'CREATE_SESSION'), state: dropHandle(state, as) };
  const out = create(state, name, as);
  return out.result.result === 'ok' ? out : { ...out, state: dropHandle(state, as) };
}

/** RETRIEVE_SESSION; on failure the handle holds no fd (the ioctl returned -1). */
export function retrieveSession(state: LuoState, name: string, as: SessionHandle): StepOutput {
  if (!state.devOpen)
    return { ...deviceClosed(state, 'RETRIEVE_SESSION'), state: dropHandle(state, as) };
  const out = retrieve(state, name, as);
  return out.result.result === 'ok' ? out : { ...out, state: dropHandle(state, as) };
}

/**
 * A handle is a variable assigned the ioctl's return value: a failed ioctl leaves it holding
 * no fd (TRACE-FORMAT "Steps"). A session it held before stays open, unreachable.
 */
function dropHandle(state: LuoState, as: SessionHandle): LuoState {
  const h = state.handles.get(as);
  return h === undefined || h === null || h.boot !== state.boot
    ? state
    : { ...state, handles: state.handles.set(as, null) };
}

function create(state: LuoState, name: string, as: SessionHandle): StepOutput {
  const fn = 'luo_session_create';
  const bytes = new TextEncoder().encode(name).length;
  if (bytes === 0 || bytes >= SESSION_NAME_LENGTH) {
    return refuse(
      state,
      'EINVAL',
      fn,
      `session name must be 1..63 bytes plus NUL (LIVEUPDATE_SESSION_NAME_LENGTH); ` +
        `"${name}" is ${bytes} bytes -> -EINVAL`,
    );
  }
  if (state.outgoing.getBy(name)) {
    return refuse(state, 'EEXIST', fn, `an outgoing session named "${name}" exists -> -EEXIST`);
  }
  const session: OutgoingSession = { sid: state.nextSid, name, files: fileTable() };
  return ok(
    {
      ...state,
      nextSid: state.nextSid + 1,
      outgoing: state.outgoing.set(session),
      handles: state.handles.set(as, { sid: session.sid, boot: state.boot }),
    },
    fn,
    `outgoing session "${name}" created, fd in "${as}"`,
  );
}

/** LIVEUPDATE_IOCTL_RETRIEVE_SESSION: claim a session the previous kernel handed over (§1.4). */
function retrieve(state: LuoState, name: string, as: SessionHandle): StepOutput {
  const fn = 'luo_session_retrieve';
  const session = state.incoming.getBy(name);
  if (!session) {
    return refuse(state, 'ENOENT', fn, `no incoming session named "${name}" -> -ENOENT`);
  }
  if (session.retrieved) {
    const why = session.stuck ? 'its release failed and it is stuck' : 'already retrieved';
    return refuse(
      state,
      'EINVAL',
      fn,
      `incoming session "${name}": ${why} in this boot -> -EINVAL`,
    );
  }
  return ok(
    {
      ...state,
      incoming: state.incoming.set({ ...session, retrieved: true }),
      handles: state.handles.set(as, { sid: session.sid, boot: state.boot }),
    },
    fn,
    `incoming session "${name}" retrieved, fd in "${as}"`,
  );
}

/** LIVEUPDATE_SESSION_GET_NAME (0x43; v7.2 [S44], soleen [S9]): the session's name. */
export function getSessionName(state: LuoState, handle: SessionHandle): StepOutput {
  const ref = sessionOf(state, handle);
  if (!ref) return badHandle(state, handle, 'luo_session_get_name');
  return ok(
    state,
    'luo_session_get_name',
    `${ref.dir} session "${ref.session.name}": GET_NAME copies its name out`,
  );
}

/** A further open("/dev/liveupdate"): exclusive, so EBUSY while the VMM holds it (§1.2). */
export function openDevice(state: LuoState): StepOutput {
  if (state.devOpen) {
    return refuse(
      state,
      'EBUSY',
      'luo_open',
      '/dev/liveupdate is exclusive and the VMM already holds it open -> -EBUSY',
    );
  }
  return ok(
    { ...state, devOpen: true },
    'luo_open',
    '/dev/liveupdate opened; the VMM holds it again',
  );
}

/** close() of the VMM's /dev/liveupdate fd: sessions live on in their own fds (§1.2). */
export function closeDevice(state: LuoState): StepOutput {
  if (!state.devOpen) {
    return refuse(state, 'EBADF', 'luo_release', 'the VMM holds no /dev/liveupdate fd -> -EBADF');
  }
  return ok(
    { ...state, devOpen: false },
    'luo_release',
    '/dev/liveupdate closed: every session stays, held by its own fd; CREATE_SESSION and ' +
      'RETRIEVE_SESSION need it opened again',
  );
}
