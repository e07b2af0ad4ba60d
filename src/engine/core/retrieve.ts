/**
 * LIVEUPDATE_SESSION_RETRIEVE_FD and the kernel-internal `liveupdate_get_file_incoming()`:
 * both are `luo_retrieve_file()` (kernel/liveupdate/luo_file.c [S1][S10], SEMANTICS §2.2, §2.4).
 */
import type { Errno } from '../errno';
import type { PTable } from '../persistent/ptable';
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
import { call, corrected, handlerOf, incomingContext } from './context';
import type { StepOutput } from './result';
import { ok, refuse } from './result';
import { badHandle, sessionOf } from './sessions';

const FN = 'luo_retrieve_file';

/** A session's entries being changed by one syscall, and what the syscall caused. */
interface Work {
  state: LuoState;
  session: string;
  /** The session's entries as this syscall has changed them so far. */
  files: PTable<Token, IncomingFile>;
  callbacks: Callback[];
  /** Tokens whose `.retrieve()` is running (a dependency cycle re-enters them), in call order. */
  running: Set<Token>;
  /** Tokens whose entry this syscall rewrote (its retrieve_status changed). */
  changed: Token[];
  dataLoss: FileId[];
}

type Retrieved = { ok: true; reason: string } | { ok: false; errno: Errno; reason: string };

/**
 * A dependency cycle re-entered a file whose `.retrieve()` is running: the task blocks on that
 * file's mutex forever (correction C1). Thrown through the handlers, caught by RETRIEVE_FD.
 */
class Deadlock {
  constructor(
    readonly chain: readonly FileId[],
    readonly token: Token,
  ) {}
}

/** `luo_retrieve_file()`: the four rules of §2.4. Mutates only `work`. */
function retrieveFile(work: Work, token: Token): Retrieved {
  const entry = work.files.get(token);
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
  if (work.running.has(token) && corrected(work.state, 'C1')) {
    const chain = [...work.running].map((t) => work.files.get(t)!.file);
    throw new Deadlock([...chain, entry.file], token);
  }
  if (entry.retrieveStatus > 0 || work.running.has(token)) {
    return {
      ok: true,
      reason: `token ${token} already retrieved: another reference to the same file (idempotent)`,
    };
  }
  const handler = handlerOf(work.state, entry.file);
  work.running.add(token);
  // A live view: a nested retrieve's changes are seen by the handler that caused it.
  const live = { get: (t: Token) => work.files.get(t) };
  const ctx = incomingContext(work.state, work.session, live, entry, (dep) => {
    const r = retrieveFile(work, dep);
    return r.ok ? { ok: true } : { ok: false, errno: r.errno };
  });
  const res = call(work.callbacks, 'retrieve', entry.file, work.session, () =>
    handler.retrieve(ctx),
  );
  work.running.delete(token);
  const current = work.files.get(token)!;
  if (!res.ok) {
    const sticky = work.state.switches.stickyRetrieveErrors;
    const remember =
      sticky === 'all' || ((sticky === true || sticky === 'retryable') && !res.transient);
    if (remember) {
      work.files = work.files.set({ ...current, retrieveStatus: errnoNumber(res.errno) });
      work.changed.push(token);
      if (handler.holdsContents) work.dataLoss.push(entry.file);
    }
    return {
      ok: false,
      errno: res.errno,
      reason: `${res.reason}${memo(work.state, remember, res.transient)}`,
    };
  }
  work.files = work.files.set({ ...current, retrieveStatus: 1 });
  work.changed.push(token);
  const note = res.ok && res.note ? ` (${res.note})` : '';
  return {
    ok: true,
    reason: `${fileSpec(work.state, entry.file).type} "${entry.file}" retrieved by .retrieve()${note}`,
  };
}

/** What the reason says about `retrieve_status` after a failed `.retrieve()` (§2.4, C10). */
function memo(state: LuoState, remember: boolean, transient: boolean | undefined): string {
  if (remember) return '; remembered in retrieve_status';
  const sticky = state.switches.stickyRetrieveErrors;
  if (sticky === 'retryable') {
    return '; the handler set args->retryable: retrieve_status stays 0, a retry runs .retrieve() again (proposed Oct 2026)';
  }
  if (sticky === true && transient && corrected(state, 'C10')) {
    return (
      '; not remembered here, a retry may succeed (variant B as intended); but every posted core ' +
      'stores every retrieve error in retrieve_status, so there this -errno would be returned ' +
      'for good and the guest memory leaked at FINISH (stickyRetrieveErrors "all"; correction C10)'
    );
  }
  return '; not remembered, a retry may succeed';
}

/** The step of a deadlocked RETRIEVE_FD (C1): the reason names the mutexes involved. */
function hang(state: LuoState, d: Deadlock, callbacks: Callback[]): StepOutput {
  const [first] = d.chain;
  const path = d.chain.map((f) => `"${f}"`).join(' -> ');
  const reason =
    `dependency cycle ${path}: luo_retrieve_file() holds "${first}"'s luo_file->mutex while its ` +
    `.retrieve() runs, and liveupdate_get_file_incoming(token ${d.token}) calls ` +
    `luo_retrieve_file() again, which takes "${first}"'s mutex a second time in the same task: ` +
    `deadlock. RETRIEVE_FD never returns; the session mutex stays held (correction C1)`;
  // The .retrieve() calls on the chain never return.
  for (const c of callbacks) if (c.cb === 'retrieve' && d.chain.includes(c.file)) c.result = 'hang';
  return {
    state: { ...state, hung: { reason } },
    result: { result: 'hang', fn: FN, reason, callbacks },
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
    const f = ref.session.files.get(token);
    if (!f)
      return refuse(
        state,
        'ENOENT',
        FN,
        `token ${token} is not in session "${ref.session.name}" -> -ENOENT`,
      );
    const why = corrected(state, 'C8')
      ? `older core without the direction check: luo_retrieve_file() finds token ${token} of outgoing session "${ref.session.name}" with retrieve_status 0 and runs the handler's .retrieve() on live outgoing data, overwriting luo_file->file: undefined behaviour, not a clean result (luoscope reports 0 and changes nothing; correction C8)`
      : `older core without the direction check: token ${token} of outgoing session "${ref.session.name}" still holds the live file; a new fd to it`;
    return ok(state, FN, why);
  }
  const session = ref.session;
  const work: Work = {
    state,
    session: session.name,
    files: session.files,
    callbacks: [],
    running: new Set(),
    changed: [],
    dataLoss: [],
  };
  const before = session.files;
  let r: Retrieved;
  try {
    r = retrieveFile(work, token);
  } catch (e) {
    if (e instanceof Deadlock) return hang(state, e, work.callbacks);
    throw e;
  }
  // Only the entries this call rewrote can have been retrieved implicitly.
  // In session order, as the reason lists them.
  const implicit = [...new Set(work.changed)]
    .sort((a, b) => before.order(a) - before.order(b))
    .filter((t) => {
      const e = work.files.get(t)!;
      return t !== token && e.retrieveStatus > 0 && before.get(t)!.retrieveStatus <= 0;
    })
    .map((t) => work.files.get(t)!);
  let files = work.files;
  let retrievedFds = state.retrievedFds;
  let reason = r.reason;
  if (r.ok) {
    const target = files.get(token)!;
    files = files.set({ ...target, userRetrieved: true });
    if (!retrievedFds.has(target.file)) retrievedFds = retrievedFds.set(target.file);
    if (implicit.length > 0) {
      const names = implicit.map((e) => `"${e.file}" (token ${e.token})`).join(', ');
      reason += `; liveupdate_get_file_incoming() retrieved ${names} implicitly: it exists in the kernel, userspace has no fd to it`;
    }
  }
  const inc: IncomingSession = { ...session, files };
  const next: LuoState = {
    ...state,
    incoming: state.incoming.set(inc),
    retrievedFds,
    dataLoss: [...state.dataLoss, ...work.dataLoss.filter((f) => !state.dataLoss.includes(f))],
  };
  if (r.ok) return ok(next, FN, reason, work.callbacks);
  // A refusal the kernel does not remember leaves the very same state.
  const changed = work.changed.length > 0 || work.dataLoss.length > 0;
  return refuse(changed ? next : state, r.errno, FN, r.reason, work.callbacks);
}
