/**
 * What a file looks like to the VMM and the kernel right now: the node states of the UI,
 * derived from the engine state (no rule lives here).
 */
import { handlerFor } from './handlers';
import { fileSpec, hasFd, preservedIn } from './state';
import type { FileId, IncomingFile, LuoState } from './types';

/** The node states of the interactive graph (issue "interactive graph", test contract). */
export type NodeState =
  | 'live'
  | 'preserved'
  | 'gone'
  | 'incoming'
  | 'kernel-retrieved'
  | 'retrieved'
  | 'finished'
  | 'discarded';

export interface FileView {
  state: NodeState;
  /** Session and token where the file is preserved or incoming. */
  session?: string;
  token?: number;
  /** Handed to userspace without its dependency (in this boot). */
  orphan: boolean;
  /** Its session's release failed; LUO holds it until the next live update. */
  stuck: boolean;
  /** One line for a person. */
  detail: string;
}

const releasedBy = new WeakMap<readonly IncomingFile[], Map<FileId, IncomingFile>>();

/** The last entry of a file among those released at a FINISH in this boot (indexed once). */
function lastReleased(released: readonly IncomingFile[], id: FileId): IncomingFile | undefined {
  let index = releasedBy.get(released);
  if (!index) {
    index = new Map(released.map((e) => [e.file, e]));
    releasedBy.set(released, index);
  }
  return index.get(id);
}

/** The view of one file in the current boot. */
export function fileView(state: LuoState, id: FileId): FileView {
  const spec = fileSpec(state, id);
  const orphan = state.orphans.some((o) => o.file === id && o.boot === state.boot);
  const base = { orphan, stuck: false };
  const out = preservedIn(state, id);
  if (out) {
    const token = out.files.getBy(id)!.token;
    return {
      ...base,
      state: 'preserved',
      session: out.name,
      token,
      detail: `preserved in "${out.name}" as token ${token}`,
    };
  }
  for (const s of state.incoming) {
    const e = s.files.getBy(id);
    if (!e) continue;
    const where = { session: s.name, token: e.token, stuck: s.stuck };
    const stuck = s.stuck ? '; session stuck, held until the next live update' : '';
    if (e.userRetrieved)
      return {
        ...base,
        ...where,
        state: 'retrieved',
        detail: `retrieved from "${s.name}" (token ${e.token}), fd open${stuck}`,
      };
    if (e.retrieveStatus > 0)
      return {
        ...base,
        ...where,
        state: 'kernel-retrieved',
        detail: `retrieved by the kernel for a dependent file; userspace has no fd (token ${e.token})${stuck}`,
      };
    if (e.retrieveStatus < 0 && handlerFor(spec.type)?.holdsContents)
      return {
        ...base,
        ...where,
        state: 'discarded',
        detail: `retrieve failed for good (retrieve_status ${e.retrieveStatus}); contents lost${stuck}`,
      };
    return {
      ...base,
      ...where,
      state: 'incoming',
      detail: `incoming in "${s.name}" as token ${e.token}, not retrieved yet${stuck}`,
    };
  }
  const released = lastReleased(state.released, id);
  if (released) {
    if (released.userRetrieved)
      return { ...base, state: 'finished', detail: 'finished: LUO let go, the VMM keeps its fd' };
    if (released.retrieveStatus === 0 && handlerFor(spec.type)?.holdsContents)
      return {
        ...base,
        state: 'discarded',
        detail: 'finished without being retrieved: contents discarded',
      };
    return { ...base, state: 'gone', detail: 'released at FINISH without ever reaching userspace' };
  }
  if (hasFd(state, id)) return { ...base, state: 'live', detail: 'open in the VMM, not preserved' };
  if (spec.boot > state.boot)
    return { ...base, state: 'gone', detail: `not created yet (created in boot ${spec.boot})` };
  return { ...base, state: 'gone', detail: 'lost at kexec (not preserved)' };
}
