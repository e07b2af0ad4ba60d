/** Builds the contexts the LUO core hands to handler ops, and records callbacks. */
import type { Errno } from '../errno';
import { handlerFor } from '../handlers';
import type { FileHandler, IncomingContext, OpResult, OutgoingContext } from '../handlers/handler';
import { fileProps, fileSpec } from '../state';
import type {
  Callback,
  CallbackName,
  FileId,
  IncomingFile,
  LuoState,
  OutgoingFile,
  Token,
} from '../types';

/** The handler of a file that reached a session (only files with a handler can). */
export function handlerOf(state: LuoState, id: FileId): FileHandler {
  const handler = handlerFor(fileSpec(state, id).type);
  if (!handler) throw new Error(`file "${id}" has no handler`);
  return handler;
}

function base(state: LuoState, id: FileId, session: string) {
  return {
    file: fileSpec(state, id),
    props: fileProps(state, id),
    switches: state.switches,
    session,
    fileById: (dep: FileId) => fileSpec(state, dep),
    propsOf: (dep: FileId) => fileProps(state, dep),
  };
}

/** Context for `.preserve()`, `.freeze()`, `.unfreeze()`, `.unpreserve()`. */
export function outgoingContext(
  state: LuoState,
  session: string,
  files: readonly OutgoingFile[],
  id: FileId,
  depTokens: readonly Token[],
): OutgoingContext {
  return {
    ...base(state, id, session),
    depTokens,
    // liveupdate_get_token_outgoing(): linear search of this session's list (§2.2).
    tokenOutgoing: (dep) => files.find((f) => f.file === dep)?.token ?? null,
  };
}

/** Context for `.retrieve()`, `.can_finish()`, `.finish()`. */
export function incomingContext(
  state: LuoState,
  session: string,
  entries: readonly IncomingFile[],
  entry: IncomingFile,
  fileIncoming: (token: Token) => { ok: true } | { ok: false; errno: Errno } = () => ({
    ok: false,
    errno: 'ENOENT',
  }),
): IncomingContext {
  return {
    ...base(state, entry.file, session),
    entry,
    entryByToken: (token) => entries.find((e) => e.token === token),
    fileIncoming,
  };
}

/** Appends a callback record now (call order) and fills its result when the op returns. */
export function call(
  callbacks: Callback[],
  cb: CallbackName,
  file: FileId,
  session: string,
  op: () => OpResult,
  status?: number,
): OpResult {
  const record: Callback = { cb, file, session, result: 'ok' };
  if (status !== undefined) record.status = status;
  callbacks.push(record);
  const result = op();
  if (!result.ok) record.result = result.errno;
  return result;
}
