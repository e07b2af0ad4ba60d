/** Which session fds the VMM holds now, read off the engine state (no rule lives here). */
import type { LuoState, SessionHandle } from '../engine';

/** A session handle with an fd in the current boot. */
export interface OpenSession {
  handle: SessionHandle;
  name: string;
  dir: 'outgoing' | 'incoming';
  sid: number;
  files: number;
}

/** An incoming session of this boot, retrieved or not. */
export interface IncomingInfo {
  name: string;
  retrieved: boolean;
  stuck: boolean;
  files: number;
}

/** Open session handles of the current boot, oldest first. */
export function openSessions(state: LuoState): OpenSession[] {
  const out: OpenSession[] = [];
  for (const [handle, h] of state.handles.entries()) {
    if (!h || h.boot !== state.boot) continue;
    const o = state.outgoing.get(h.sid);
    const i = o ? undefined : state.incoming.get(h.sid);
    const s = o ?? i;
    if (!s) continue;
    out.push({
      handle: handle as SessionHandle,
      name: s.name,
      dir: o ? 'outgoing' : 'incoming',
      sid: s.sid,
      files: s.files.length,
    });
  }
  return out.sort((a, b) => a.sid - b.sid);
}

/** The incoming sessions of this boot. */
export function incomingSessions(state: LuoState): IncomingInfo[] {
  return state.incoming.map((s) => ({
    name: s.name,
    retrieved: s.retrieved,
    stuck: s.stuck,
    files: s.files.length,
  }));
}

/** A handle name for a new session fd: `<name>@<boot>`, suffixed if that one is open. */
export function freshHandle(state: LuoState, name: string): SessionHandle {
  const base = `${name}@${state.boot}`;
  const taken = (h: string) => {
    const v = state.handles.get(h);
    return v !== undefined && v !== null && v.boot === state.boot;
  };
  let handle = base;
  for (let n = 2; taken(handle); n++) handle = `${base}.${n}`;
  return handle as SessionHandle;
}
