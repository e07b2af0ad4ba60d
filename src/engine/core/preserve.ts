/**
 * LIVEUPDATE_SESSION_PRESERVE_FD and the abort of an outgoing session
 * (`luo_preserve_file()` / `luo_file_unpreserve_files()` in kernel/liveupdate/luo_file.c [S1],
 * SEMANTICS §1.5, §1.8, §2.6).
 */
import { handlerFor } from '../handlers';
import { fileSpec, hasFd, preservedIn, retrievedIn } from '../state';
import type {
  Callback,
  FileId,
  IncomingSession,
  LuoState,
  OutgoingFile,
  OutgoingSession,
  SessionHandle,
  Token,
} from '../types';
import { call, handlerIn, handlerOf, outgoingContext } from './context';
import { unfreezeFiles } from './freeze';
import type { StepOutput } from './result';
import { ok, refuse } from './result';
import { badHandle, sessionOf } from './sessions';

const FN = 'luo_preserve_file';

/** PRESERVE_FD: the checks of §1.5 in the kernel's order, then the handler's `.preserve()`. */
export function preserveFd(
  state: LuoState,
  handle: SessionHandle,
  id: FileId,
  token: Token,
): StepOutput {
  const ref = sessionOf(state, handle);
  if (!ref) return badHandle(state, handle, 'luo_session_preserve_fd');
  if (ref.dir === 'incoming' && state.switches.sessionDirectionCheck) {
    return refuse(
      state,
      'EINVAL',
      'luo_session_preserve_fd',
      `PRESERVE_FD on incoming session "${ref.session.name}" -> -EINVAL (session direction check)`,
    );
  }
  const session = ref.session;
  if (ref.dir === 'outgoing' && ref.session.frozen) {
    return refuse(
      state,
      'EBUSY',
      'luo_session_preserve_fd',
      `session "${session.name}" was frozen by LIVEUPDATE_SESSION_FREEZE: it takes no more files -> -EBUSY`,
    );
  }
  const files = session.files;
  const spec = fileSpec(state, id);
  // 1. token already used in this session.
  if (files.has(token)) {
    return refuse(
      state,
      'EEXIST',
      FN,
      `token ${token} is already used in session "${session.name}" -> -EEXIST`,
    );
  }
  // 2. LUO_FILE_MAX (mainline's fixed array; unlimited in 2026 trees).
  const limit = state.switches.fileLimit;
  if (limit !== 'unlimited' && files.length >= limit) {
    return refuse(
      state,
      'ENOSPC',
      FN,
      `session "${session.name}" already holds ${files.length} files (LUO_FILE_MAX = ${limit}) -> -ENOSPC`,
    );
  }
  // 3. fd not an open file.
  if (!hasFd(state, id)) {
    const why =
      spec.boot > state.boot
        ? `is created only in boot ${spec.boot}`
        : 'has no fd in this boot (not retrieved, or lost at kexec)';
    return refuse(state, 'EBADF', FN, `${spec.type} "${id}" ${why} -> -EBADF`);
  }
  // 4. no handler whose can_preserve() accepts the file (none at all in this tree, or its
  // can_preserve() says no).
  const handler = handlerIn(state, spec.type);
  const ctx = outgoingContext(state, session.name, files, id, []);
  const refusal = handler?.canPreserve?.(ctx) ?? null;
  if (!handler || refusal !== null) {
    const why = handler
      ? `the ${spec.type} handler's can_preserve() refuses "${id}": ${refusal}`
      : handlerFor(spec.type)
        ? `kernel tree ${state.model.tree.id} has no LUO handler for a ${spec.type}`
        : `no LUO file handler accepts a ${spec.type}`;
    return refuse(state, 'ENOENT', FN, `${why} (can_preserve) -> -ENOENT`);
  }
  // 5. the same struct file is already preserved (global xarray, "prevent double preservation");
  // a file retrieved in this boot stays in it until its session is finished (correction C3).
  const holder = preservedIn(state, id);
  if (state.switches.doublePreserveCheck && holder) {
    const where =
      holder.sid === session.sid
        ? 'with another token in this session'
        : `in session "${holder.name}"`;
    return refuse(
      state,
      'EBUSY',
      FN,
      `${spec.type} "${id}" is already preserved ${where} -> -EBUSY`,
    );
  }
  const from =
    state.switches.doublePreserveCheck && state.switches.retrievedFilesBusy
      ? retrievedIn(state, id)
      : undefined;
  if (from) {
    return refuse(
      state,
      'EBUSY',
      FN,
      `${spec.type} "${id}" was retrieved from incoming session "${from.name}", which is not ` +
        'finished: luo_retrieve_file() put it in luo_preserved_files and only ' +
        'luo_file_finish() takes it out -> -EBUSY (correction C3)',
    );
  }
  // 7. the handler's own checks (dependency lookups, §3).
  const callbacks: Callback[] = [];
  const res = call(callbacks, 'preserve', id, session.name, () => handler.preserve(ctx));
  if (!res.ok) return refuse(state, res.errno, FN, res.reason, callbacks);
  const entry: OutgoingFile = { file: id, token, depTokens: res.depTokens ?? [] };
  const note = res.note ? ` (${res.note})` : '';
  const reason = `${spec.type} "${id}" preserved in session "${session.name}" as token ${token}${note}`;
  if (ref.dir === 'incoming') {
    // Without the direction check the older core appends to the incoming list: the file is
    // then finished with that session and never reaches the next kernel.
    const inc: IncomingSession = {
      ...ref.session,
      files: ref.session.files.set({ ...entry, retrieveStatus: 0, userRetrieved: false }),
    };
    return ok(
      { ...state, incoming: state.incoming.set(inc) },
      FN,
      `${reason}; incoming session: it will not survive the next kexec`,
      callbacks,
    );
  }
  const out: OutgoingSession = { ...ref.session, files: ref.session.files.set(entry) };
  return ok({ ...state, outgoing: state.outgoing.set(out) }, FN, reason, callbacks);
}

/**
 * close() of an outgoing session fd: every file unpreserved, last preserved first (§1.8); a
 * session frozen early is first unfrozen, FIFO (proposed Oct 2026 [S47]).
 */
export function abortSession(
  state: LuoState,
  session: OutgoingSession,
  handle: SessionHandle,
): StepOutput {
  const callbacks: Callback[] = [];
  if (session.frozen) unfreezeFiles(state, session, session.files.length, [], callbacks);
  for (const f of [...session.files].reverse()) {
    const ctx = outgoingContext(state, session.name, session.files, f.file, f.depTokens);
    call(callbacks, 'unpreserve', f.file, session.name, () =>
      handlerOf(state, f.file).unpreserve(ctx),
    );
  }
  return ok(
    {
      ...state,
      outgoing: state.outgoing.delete(session.sid),
      handles: state.handles.set(handle, null),
    },
    'luo_session_release',
    `outgoing session "${session.name}" closed before kexec: abort, ${
      session.frozen ? 'its early freeze undone (unfreeze FIFO), then ' : ''
    }${session.files.length} file(s) unpreserved LIFO (luo_file_unpreserve_files)`,
    callbacks,
  );
}
