/** Builds the contexts the LUO core hands to handler ops, and records callbacks. */
import type { CorrectionId } from '../corrections';
import { activeHandler } from '../handlers';
import type { FileHandler, IncomingContext, OpResult, OutgoingContext } from '../handlers/handler';
import { fileProps, fileSpec, initialProps, preservedIn } from '../state';
import type {
  Callback,
  CallbackName,
  FileId,
  FileProps,
  FileSpec,
  IncomingFile,
  LuoState,
  OutgoingFile,
  Token,
} from '../types';

/** Whether a model correction applies in this run (all do, except to show what one changed). */
export function corrected(state: LuoState, id: CorrectionId): boolean {
  return state.model.corrections.has(id);
}

// A run asks for the same few revisions once per file per step: remembered per model and
// switches (both immutable values, shared by every state of a run).
const revisions = new WeakMap<object, WeakMap<object, Map<string, FileHandler | undefined>>>();

let lastRun: { model: object; switches: object; byType: Map<string, FileHandler | undefined> } = {
  model: {},
  switches: {},
  byType: new Map(),
};

/** The handler revision that runs for a file type in this run's tree, if the tree has one. */
export function handlerIn(state: LuoState, type: FileSpec['type']): FileHandler | undefined {
  // The last run asked about first, as fileSpec does: a run asks millions of times.
  let byType = lastRun.byType;
  if (lastRun.model !== state.model || lastRun.switches !== state.switches) {
    let bySwitches = revisions.get(state.model);
    if (!bySwitches) revisions.set(state.model, (bySwitches = new WeakMap()));
    let found = bySwitches.get(state.switches);
    if (!found) bySwitches.set(state.switches, (found = new Map()));
    byType = found;
    lastRun = { model: state.model, switches: state.switches, byType };
  }
  if (byType.has(type)) return byType.get(type);
  const handler = activeHandler(
    state.model.tree.handlers,
    state.switches,
    (c) => corrected(state, c),
    type,
  );
  byType.set(type, handler);
  return handler;
}

/** The handler of a file that reached a session (only files with a handler can). */
export function handlerOf(state: LuoState, id: FileId): FileHandler {
  const handler = handlerIn(state, fileSpec(state, id).type);
  if (!handler) throw new Error(`file "${id}" has no handler`);
  return handler;
}

/** What every op may look at; properties are computed on first use. */
class Context {
  readonly file: FileSpec;
  readonly switches: LuoState['switches'];
  private cachedProps: Required<FileProps> | undefined;

  constructor(
    protected readonly state: LuoState,
    readonly session: string,
    id: FileId,
  ) {
    this.file = fileSpec(state, id);
    this.switches = state.switches;
  }

  get props(): Required<FileProps> {
    return (this.cachedProps ??= fileProps(this.state, this.file.id));
  }

  fileById(dep: FileId): FileSpec {
    return fileSpec(this.state, dep);
  }

  propsOf(dep: FileId): Required<FileProps> {
    return fileProps(this.state, dep);
  }

  initialPropsOf(dep: FileId): Required<FileProps> {
    return initialProps(this.state, dep);
  }

  corrected(id: CorrectionId): boolean {
    return corrected(this.state, id);
  }
}

/** How an outgoing context finds a file's entry in its session (the first, in list order). */
export interface OutgoingEntries {
  getBy(file: FileId): OutgoingFile | undefined;
}

class Outgoing extends Context implements OutgoingContext {
  constructor(
    state: LuoState,
    session: string,
    private readonly files: OutgoingEntries,
    id: FileId,
    readonly depTokens: readonly Token[],
  ) {
    super(state, session, id);
  }

  // liveupdate_get_token_outgoing(): linear search of this session's list (§2.2); the first
  // entry of the file in list order is what the table's file-id index gives.
  tokenOutgoing(dep: FileId): Token | null {
    return this.files.getBy(dep)?.token ?? null;
  }

  alreadyPreserved(): boolean {
    return preservedIn(this.state, this.file.id) !== undefined;
  }
}

/** How an incoming context looks entries up by token: the session's table, or a live view. */
export interface Entries {
  get(token: Token): IncomingFile | undefined;
}

class Incoming extends Context implements IncomingContext {
  constructor(
    state: LuoState,
    session: string,
    private readonly entries: Entries,
    readonly entry: IncomingFile,
    readonly fileIncoming: IncomingContext['fileIncoming'],
  ) {
    super(state, session, entry.file);
  }

  entryByToken(token: Token): IncomingFile | undefined {
    return this.entries.get(token);
  }
}

const noImplicitRetrieve = () => ({ ok: false, errno: 'ENOENT' }) as const;

/** Context for `.preserve()`, `.freeze()`, `.unfreeze()`, `.unpreserve()`. */
export function outgoingContext(
  state: LuoState,
  session: string,
  files: OutgoingEntries,
  id: FileId,
  depTokens: readonly Token[],
): OutgoingContext {
  return new Outgoing(state, session, files, id, depTokens);
}

/** Context for `.retrieve()`, `.can_finish()`, `.finish()`. */
export function incomingContext(
  state: LuoState,
  session: string,
  entries: Entries,
  entry: IncomingFile,
  fileIncoming: IncomingContext['fileIncoming'] = noImplicitRetrieve,
): IncomingContext {
  return new Incoming(state, session, entries, entry, fileIncoming);
}

/**
 * Appends the record of a callback that has returned `result` (for an op that runs no other
 * callback, recording it after the call keeps the call order).
 */
export function called(
  callbacks: Callback[],
  cb: CallbackName,
  file: FileId,
  session: string,
  result: OpResult,
  status?: number,
): void {
  const record: Callback = { cb, file, session, result: result.ok ? 'ok' : result.errno };
  if (status !== undefined) record.status = status;
  callbacks.push(record);
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
