/**
 * LIVEUPDATE_SESSION_RETRIEVE_FD and the kernel-internal `liveupdate_get_file_incoming()`:
 * both are `luo_retrieve_file()` (kernel/liveupdate/luo_file.c [S1][S10], SEMANTICS §2.2, §2.4).
 */
import type { Errno } from '../errno';
import { errnoName, errnoNumber } from '../errno';
import { fileSpec } from '../state';
import type {
  Callback,
  FileId,
  IncomingFile,
  IncomingSession,
  LuoState,
  SessionHandle,
  Token,
} from '../types';
import { call, handlerOf, incomingContext } from './context';
import type { StepOutput } from './result';
import { ok, refuse } from './result';
import { badHandle, sessionOf } from './sessions';

const FN = 'luo_retrieve_file';

/** A session's entries being changed by one syscall, and what the syscall caused. */
interface Work {
  state: LuoState;
  session: string;
  entries: IncomingFile[];
  callbacks: Callback[];
  /** Tokens whose `.retrieve()` is running (a dependency cycle re-enters them). */
  running: Set<Token>;
  dataLoss: FileId[];
}

type Retrieved = { ok: true; reason: string } | { ok: false; errno: Errno; reason: string };

/** `luo_retrieve_file()`: the four rules of §2.4. Mutates only `work`. */
function retrieveFile(work: Work, token: Token): Retrieved {
  const index = work.entries.findIndex((e) => e.token === token);
  const entry = work.entries[index];
  if (!entry)
    return {
      ok: false,
      errno: 'ENOENT',
      reason: `token ${token} is not in session "${work.session}" -> -ENOENT`,
    };
  if (entry.retrieveStatus < 0) {
    const errno = errnoName(entry.retrieveStatus);
    return {
      ok: false,
      errno,
      reason: `token ${token} failed to retrieve before; retrieve_status remembers -${errno}`,
    };
  }
  if (entry.retrieveStatus > 0 || work.running.has(token)) {
    return {
      ok: true,
      reason: `token ${token} already retrieved: another reference to the same file (idempotent)`,
    };
  }
  const handler = handlerOf(work.state, entry.file);
  work.running.add(token);
  const ctx = incomingContext(work.state, work.session, work.entries, entry, (dep) => {
    const r = retrieveFile(work, dep);
    return r.ok ? { ok: true } : { ok: false, errno: r.errno };
  });
  const res = call(work.callbacks, 'retrieve', entry.file, work.session, () =>
    handler.retrieve(ctx),
  );
  work.running.delete(token);
  const current = work.entries[index]!;
  if (!res.ok) {
    const sticky = work.state.switches.stickyRetrieveErrors;
    const remember = sticky === 'all' || (sticky === true && !res.transient);
    if (remember) {
      work.entries[index] = { ...current, retrieveStatus: errnoNumber(res.errno) };
      if (handler.holdsContents) work.dataLoss.push(entry.file);
    }
    const memo = remember
      ? '; remembered in retrieve_status'
      : '; not remembered, a retry may succeed';
    return { ok: false, errno: res.errno, reason: `${res.reason}${memo}` };
  }
  work.entries[index] = { ...current, retrieveStatus: 1 };
  const note = res.ok && res.note ? ` (${res.note})` : '';
  return {
    ok: true,
    reason: `${fileSpec(work.state, entry.file).type} "${entry.file}" retrieved by .retrieve()${note}`,
  };
}

/** RETRIEVE_FD: retrieve the token and hand userspace a new fd to the file (§1.6). */
export function retrieveFd(state: LuoState, handle: SessionHandle, token: Token): StepOutput {
  const ref = sessionOf(state, handle);
  if (!ref) return badHandle(state, handle, 'luo_session_retrieve_fd');
  if (ref.dir === 'outgoing') {
    if (state.switches.sessionDirectionCheck) {
      return refuse(
        state,
        'EINVAL',
        'luo_session_retrieve_fd',
        `RETRIEVE_FD on outgoing session "${ref.session.name}" -> -EINVAL (session direction check)`,
      );
    }
    const f = ref.session.files.find((x) => x.token === token);
    if (!f)
      return refuse(
        state,
        'ENOENT',
        FN,
        `token ${token} is not in session "${ref.session.name}" -> -ENOENT`,
      );
    return ok(
      state,
      FN,
      `older core without the direction check: token ${token} of outgoing session "${ref.session.name}" still holds the live file; a new fd to it`,
    );
  }
  const session = ref.session;
  const work: Work = {
    state,
    session: session.name,
    entries: [...session.files],
    callbacks: [],
    running: new Set(),
    dataLoss: [],
  };
  const before = session.files;
  const r = retrieveFile(work, token);
  const implicit = work.entries.filter(
    (e, i) => e.token !== token && e.retrieveStatus > 0 && before[i]!.retrieveStatus <= 0,
  );
  let entries = work.entries;
  let retrievedFds = state.retrievedFds;
  let reason = r.reason;
  if (r.ok) {
    const target = entries.find((e) => e.token === token)!;
    entries = entries.map((e) => (e === target ? { ...e, userRetrieved: true } : e));
    if (!retrievedFds.includes(target.file)) retrievedFds = [...retrievedFds, target.file];
    if (implicit.length > 0) {
      const names = implicit.map((e) => `"${e.file}" (token ${e.token})`).join(', ');
      reason += `; liveupdate_get_file_incoming() retrieved ${names} implicitly: it exists in the kernel, userspace has no fd to it`;
    }
  }
  const inc: IncomingSession = { ...session, files: entries };
  const next: LuoState = {
    ...state,
    incoming: state.incoming.map((s) => (s.sid === session.sid ? inc : s)),
    retrievedFds,
    dataLoss: [...state.dataLoss, ...work.dataLoss.filter((f) => !state.dataLoss.includes(f))],
  };
  if (r.ok) return ok(next, FN, reason, work.callbacks);
  // A refusal the kernel does not remember leaves the very same state.
  const changed = work.entries.some((e, i) => e !== before[i]) || work.dataLoss.length > 0;
  return refuse(changed ? next : state, r.errno, FN, r.reason, work.callbacks);
}
