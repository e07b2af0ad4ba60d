/** The initial state of a run and small read-only helpers over a state. */
import { handlerFor } from './handlers';
import type { Model } from './model';
import { PMap } from './persistent/pmap';
import { PTable } from './persistent/ptable';
import type { TableKeys } from './persistent/ptable';
import { DEFAULT_MODEL } from './model';
import type { Switches } from './switches';
import type {
  FileId,
  FileProps,
  FileSpec,
  IncomingFile,
  IncomingSession,
  LuoState,
  OutgoingFile,
  OutgoingSession,
  Token,
} from './types';

const SESSION_KEYS: TableKeys<number, { sid: number; name: string }> = {
  key: (s) => s.sid,
  alt: (s) => s.name,
};
const FILE_KEYS: TableKeys<Token, OutgoingFile> = { key: (f) => f.token, alt: (f) => f.file };
const ID_KEYS: TableKeys<FileId, FileId> = { key: (id) => id };

/** A session table (outgoing or incoming) of these sessions, in this order. */
export function sessionTable<S extends OutgoingSession | IncomingSession>(
  rows: Iterable<S> = [],
): PTable<number, S> {
  return PTable.of(SESSION_KEYS as TableKeys<number, S>, rows);
}

/** A session's file table of these entries, in this order. */
export function fileTable<F extends OutgoingFile | IncomingFile>(
  rows: Iterable<F> = [],
): PTable<Token, F> {
  return PTable.of(FILE_KEYS as TableKeys<Token, F>, rows);
}

/** A file table with each entry replaced by `fn(entry)`, for the same token and file. */
export function remapFiles<
  F extends OutgoingFile | IncomingFile,
  G extends OutgoingFile | IncomingFile,
>(files: PTable<Token, F>, fn: (entry: F) => G): PTable<Token, G> {
  return files.remap(FILE_KEYS as TableKeys<Token, G>, fn);
}

/** A set of file ids in insertion order. */
export function idTable(rows: Iterable<FileId> = []): PTable<FileId, FileId> {
  return PTable.of(ID_KEYS, rows);
}

/**
 * Boot 0, before any syscall: no session, every file of boot 0 open in the VMM, and
 * /dev/liveupdate open. `model` is the kernel tree and corrections (the June 2026 tree with
 * every correction unless given).
 */
export function createState(
  files: readonly FileSpec[],
  switches: Switches,
  model: Model = DEFAULT_MODEL,
): LuoState {
  return {
    files,
    switches,
    model,
    devOpen: true,
    hung: null,
    devicesReset: [],
    boot: 0,
    props: {},
    retrievedFds: idTable(),
    outgoing: sessionTable(),
    incoming: sessionTable(),
    handles: PMap.empty(),
    nextSid: 1,
    orphans: [],
    released: [],
    dataLoss: [],
    stuckSessions: [],
  };
}

const byId = new WeakMap<readonly FileSpec[], Map<string, FileSpec>>();
let lastFiles: readonly FileSpec[] | undefined;
let lastIndex: Map<string, FileSpec> | undefined;
const docProps = new WeakMap<FileSpec, Required<FileProps>>();

/** The file with this id (ids come from a validated document). */
export function fileSpec(state: LuoState, id: FileId): FileSpec {
  // The last scenario asked about first: a run asks about one scenario millions of times.
  let index = state.files === lastFiles ? lastIndex : byId.get(state.files);
  if (!index) {
    index = new Map(state.files.map((f) => [f.id, f]));
    byId.set(state.files, index);
  }
  lastFiles = state.files;
  lastIndex = index;
  const spec = index.get(id);
  if (!spec) throw new Error(`unknown file "${id}"`);
  return spec;
}

/** A file's properties as the document declares them: the type's defaults, then its values. */
export function initialProps(state: LuoState, id: FileId): Required<FileProps> {
  const spec = fileSpec(state, id);
  let props = docProps.get(spec);
  if (!props) {
    props = {
      sealed: false,
      hugetlb: false,
      running: false,
      irqsEnabled: false,
      bound: false,
      freezeError: null,
      canFinish: true,
      hwptRestored: false,
    };
    for (const prop of handlerFor(spec.type)?.props ?? []) {
      const value = spec[prop.name];
      if (value !== undefined) Object.assign(props, { [prop.name]: value });
    }
    docProps.set(spec, props);
  }
  return props;
}

/** A file's properties now: as the document declares them, then `set` steps. */
export function fileProps(state: LuoState, id: FileId): Required<FileProps> {
  const props = initialProps(state, id);
  const changed = state.props[id];
  return changed ? { ...props, ...changed } : props;
}

/**
 * Whether the VMM holds an fd for the file in this boot (TRACE-FORMAT `boot` rule): it created
 * the file in this boot, or retrieved it here with RETRIEVE_FD.
 */
export function hasFd(state: LuoState, id: FileId): boolean {
  return fileSpec(state, id).boot === state.boot || state.retrievedFds.has(id);
}

/**
 * The incoming session this file was retrieved from, while that session is not finished: the
 * file is then still in the kernel's preserved-files table (correction C3).
 */
export function retrievedIn(state: LuoState, id: FileId) {
  for (const s of state.incoming) {
    if (s.files.allBy(id).some((f) => f.retrieveStatus > 0)) return s;
  }
  return undefined;
}

/** The outgoing session that holds this file, if any (the double-preserve xarray, §1.5). */
export function preservedIn(state: LuoState, id: FileId) {
  for (const s of state.outgoing) if (s.files.getBy(id)) return s;
  return undefined;
}
