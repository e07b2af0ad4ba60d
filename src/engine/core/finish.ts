/**
 * LIVEUPDATE_SESSION_FINISH and the release of an incoming session fd: `luo_file_finish()`,
 * can_finish FIFO then finish LIFO, all or nothing (kernel/liveupdate/luo_file.c [S1],
 * luo_session.c [S2], SEMANTICS §1.7, §1.8, §2.5, §4.1 for orphans).
 */
import type { PTable } from '../persistent/ptable';
import { remapFiles } from '../state';
import type {
  Callback,
  FileId,
  IncomingFile,
  IncomingSession,
  LuoState,
  Orphan,
  SessionHandle,
  Token,
} from '../types';
import type { FileHandler, IncomingContext } from '../handlers/handler';
import { called, handlerOf, incomingContext } from './context';
import type { StepOutput } from './result';
import { ok, refuse } from './result';
import { badHandle, sessionOf } from './sessions';

const FN = 'luo_file_finish';

type Finished =
  | { ok: true; callbacks: Callback[]; dataLoss: FileId[] }
  | { ok: false; callbacks: Callback[]; reason: string };

/** A session's entries, each with its handler and the context its ops get (made once). */
interface Entry {
  entry: IncomingFile;
  handler: FileHandler;
  ctx: IncomingContext;
}

function entriesOf(state: LuoState, session: string, files: PTable<Token, IncomingFile>): Entry[] {
  return files.map((entry) => ({
    entry,
    handler: handlerOf(state, entry.file),
    ctx: incomingContext(state, session, files, entry),
  }));
}

/** `luo_file_finish()` over a session's entries. Changes nothing; says what happened. */
function finishFiles(session: string, entries: readonly Entry[]): Finished {
  const callbacks: Callback[] = [];
  // Phase 1: can_finish, FIFO; the first "no" refuses the whole FINISH. (Neither op runs
  // another callback, so each is recorded when it returns; a run finishes many files.)
  for (let i = 0; i < entries.length; i++) {
    const { entry, handler, ctx } = entries[i]!;
    const verdict = handler.canFinish?.(ctx) ?? null;
    if (verdict === null) continue;
    called(callbacks, 'can_finish', entry.file, session, verdict);
    if (!verdict.ok) return { ok: false, callbacks, reason: verdict.reason };
  }
  // Phase 2: finish, LIFO, with each file's retrieve_status.
  const dataLoss: FileId[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const { entry, handler, ctx } = entries[i]!;
    called(callbacks, 'finish', entry.file, session, handler.finish(ctx), entry.retrieveStatus);
    if (handler.holdsContents && entry.retrieveStatus === 0) dataLoss.push(entry.file);
  }
  return { ok: true, callbacks, dataLoss };
}

/**
 * `luo_file_finish()` over an incoming session in a state, with its entries. FINISH and the
 * close() after it (or instead of it) ask this of the same state one after the other, so the
 * last answer is kept: a pure function of two immutable values, in one slot.
 */
let lastFinish:
  { state: LuoState; session: IncomingSession; entries: Entry[]; finished: Finished } | undefined;
function finishOf(state: LuoState, session: IncomingSession) {
  if (lastFinish?.state !== state || lastFinish.session !== session) {
    const entries = entriesOf(state, session.name, session.files);
    lastFinish = { state, session, entries, finished: finishFiles(session.name, entries) };
  }
  const { entries, finished } = lastFinish;
  // Each step's result gets its own list of callbacks.
  return { entries, r: { ...finished, callbacks: finished.callbacks.slice() } };
}

/** Files userspace holds whose implicitly retrieved dependency it never got (§4.1). */
function orphansAt(state: LuoState, entries: readonly Entry[], released: boolean): Orphan[] {
  const out: Orphan[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { entry, handler, ctx } = entries[i]!;
    const deps = handler.danglingDeps?.(ctx);
    if (!deps || deps.length === 0) continue;
    // Detected: the release failed and this file's dependency check is what refused it.
    const verdict = released ? null : (handler.dependencyGuard?.(ctx) ?? null);
    const detected = verdict !== null && !verdict.ok;
    for (const dep of deps)
      out.push({
        file: entry.file,
        dependsOn: dep,
        detected,
        boot: state.boot,
      });
  }
  return out;
}

function addLoss(state: LuoState, files: FileId[]): readonly FileId[] {
  const fresh = files.filter((f) => !state.dataLoss.includes(f));
  return fresh.length ? [...state.dataLoss, ...fresh] : state.dataLoss;
}

function lossNote(files: FileId[]): string {
  return files.length
    ? `; contents discarded (never retrieved): ${files.map((f) => `"${f}"`).join(', ')}`
    : '';
}

function orphanNote(orphans: Orphan[]): string {
  if (orphans.length === 0) return '';
  const list = orphans.map((o) => `"${o.file}" without "${o.dependsOn}"`).join(', ');
  return `; ORPHANED: ${list} (userspace never retrieved the dependency; it is gone now)`;
}

/** FINISH on a session fd (§1.7). */
export function finishFd(state: LuoState, handle: SessionHandle, reserved: number): StepOutput {
  const ref = sessionOf(state, handle);
  if (!ref) return badHandle(state, handle, 'luo_session_finish');
  if (ref.dir === 'outgoing' && state.switches.sessionDirectionCheck) {
    return refuse(
      state,
      'EINVAL',
      'luo_session_finish',
      `FINISH on outgoing session "${ref.session.name}" -> -EINVAL (session direction check)`,
    );
  }
  if (reserved !== 0) {
    return refuse(
      state,
      'EINVAL',
      'luo_session_finish',
      `struct liveupdate_session_finish.reserved = ${reserved}, must be 0 -> -EINVAL`,
    );
  }
  const name = ref.session.name;
  if (ref.dir === 'outgoing') {
    // Older core without the direction check: finishes files that are still preserved.
    const entries = remapFiles(ref.session.files, (f): IncomingFile => ({
      ...f,
      retrieveStatus: 0,
      userRetrieved: false,
    }));
    const r = finishFiles(name, entriesOf(state, name, entries));
    if (!r.ok)
      return refuse(state, 'EBUSY', FN, `${r.reason} -> -EBUSY, nothing finished`, r.callbacks);
    const outgoing = state.outgoing.set({ ...ref.session, files: ref.session.files.cleared() });
    return ok(
      { ...state, outgoing, dataLoss: addLoss(state, r.dataLoss) },
      FN,
      `older core without the direction check: outgoing session "${name}" finished and emptied before kexec${lossNote(r.dataLoss)}`,
      r.callbacks,
    );
  }
  const session = ref.session;
  if (session.files.length === 0)
    return ok(state, FN, `session "${name}" holds no files: FINISH returns 0`);
  const { entries, r } = finishOf(state, session);
  if (!r.ok) {
    return refuse(
      state,
      'EBUSY',
      FN,
      `${r.reason} -> FINISH -EBUSY; nothing finished, LUO keeps every file, userspace may fix and retry`,
      r.callbacks,
    );
  }
  const orphans = orphansAt(state, entries, true);
  const incoming = state.incoming.set({ ...session, files: session.files.cleared() });
  return ok(
    {
      ...state,
      incoming,
      orphans: [...state.orphans, ...orphans],
      dataLoss: addLoss(state, r.dataLoss),
      released: [...state.released, ...session.files],
    },
    FN,
    `session "${name}" finished: can_finish passed, ${session.files.length} file(s) finished LIFO, LUO dropped its references${lossNote(r.dataLoss)}${orphanNote(orphans)}`,
    r.callbacks,
  );
}

/** close() of an incoming session fd: an implicit FINISH; on failure the session is stuck (§1.8). */
export function releaseIncoming(state: LuoState, handle: SessionHandle): StepOutput {
  const ref = sessionOf(state, handle);
  if (!ref || ref.dir !== 'incoming') throw new Error('releaseIncoming needs an incoming session');
  const session = ref.session;
  const name = session.name;
  const handles = state.handles.set(handle, null);
  const { entries, r } = finishOf(state, session);
  const orphans = orphansAt(state, entries, r.ok);
  if (r.ok) {
    return ok(
      {
        ...state,
        handles,
        incoming: state.incoming.delete(session.sid),
        orphans: [...state.orphans, ...orphans],
        dataLoss: addLoss(state, r.dataLoss),
        released: [...state.released, ...session.files],
      },
      'luo_session_release',
      `session "${name}" closed: implicit FINISH succeeded, session freed${lossNote(r.dataLoss)}${orphanNote(orphans)}`,
      r.callbacks,
    );
  }
  const incoming = state.incoming.set({ ...session, stuck: true });
  return ok(
    {
      ...state,
      handles,
      incoming,
      orphans: [...state.orphans, ...orphans],
      stuckSessions: [...state.stuckSessions, name],
    },
    'luo_session_release',
    `close() returns 0 but the kernel warns "Unable to finish session ${name} on release": ${r.reason}; the session is stuck, its files held until the next live update${orphanNote(orphans)}`,
    r.callbacks,
  );
}
