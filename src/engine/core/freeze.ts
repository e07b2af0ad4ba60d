/**
 * Freezing a session's files: `.freeze()` FIFO, and the rollback of a failure
 * (kernel/liveupdate/luo_file.c `luo_file_freeze()` / `luo_file_unfreeze()` [S1], SEMANTICS
 * §2.3). Used by kexec for every session, and by LIVEUPDATE_SESSION_FREEZE (proposed Oct 2026
 * [S47]) for one.
 */
import type { Errno } from '../errno';
import type { PTable } from '../persistent/ptable';
import type { Callback, FileId, LuoState, OutgoingFile, OutgoingSession, Token } from '../types';
import { call, handlerOf, outgoingContext } from './context';

/** A session frozen, or the file whose `.freeze()` failed. */
export type Frozen =
  | { ok: true; files: PTable<Token, OutgoingFile>; resets: FileId[] }
  | { ok: false; errno: Errno; reason: string; file: FileId; index: number; resets: FileId[] };

/**
 * `.freeze()` on each file FIFO; a handler without `.freeze` gets no call. `resets` lists the
 * files whose freeze reset a device (vfio-pci), for the rollback.
 */
export function freezeFiles(
  state: LuoState,
  session: OutgoingSession,
  callbacks: Callback[],
): Frozen {
  let files = session.files;
  const resets: FileId[] = [];
  for (const [k, f] of session.files.entries()) {
    const handler = handlerOf(state, f.file);
    if (!handler.freeze) continue;
    const ctx = outgoingContext(state, session.name, session.files, f.file, f.depTokens);
    const res = call(callbacks, 'freeze', f.file, session.name, () => handler.freeze!(ctx));
    if (!res.ok)
      return { ok: false, errno: res.errno, reason: res.reason, file: f.file, index: k, resets };
    if (res.resets) resets.push(f.file);
    if (res.depTokens) files = files.set({ ...f, depTokens: res.depTokens });
  }
  return { ok: true, files, resets };
}

/**
 * `.unfreeze()` FIFO on the first `end` files of a session; a handler without `.unfreeze`
 * gets no call (§2.3). Returns the files left reset: frozen by a resetting `.freeze()` and
 * never unfrozen (correction C2).
 */
export function unfreezeFiles(
  state: LuoState,
  session: OutgoingSession,
  end: number,
  resets: readonly FileId[],
  callbacks: Callback[],
): FileId[] {
  const left: FileId[] = [];
  session.files.slice(0, end).forEach((f) => {
    const handler = handlerOf(state, f.file);
    if (!handler.unfreeze) {
      if (resets.includes(f.file)) left.push(f.file);
      return;
    }
    const ctx = outgoingContext(state, session.name, session.files, f.file, f.depTokens);
    call(callbacks, 'unfreeze', f.file, session.name, () => handler.unfreeze!(ctx));
  });
  return left;
}

/** The reason-text tail for devices a rollback leaves reset. */
export function resetNote(files: readonly FileId[]): string {
  if (files.length === 0) return '';
  const list = files.map((f) => `"${f}"`).join(', ');
  return (
    `; ${list} stay${files.length === 1 ? 's' : ''} reset: vfio-pci's .freeze() reset the device ` +
    'and the handler has no .unfreeze() (correction C2)'
  );
}

/**
 * The state with these devices marked reset, each once; the very same state when there is
 * none new (a refused step leaves its state as it was).
 */
export function withResets(state: LuoState, files: readonly FileId[]): LuoState {
  const fresh = files.filter((f) => !state.devicesReset.includes(f));
  return fresh.length ? { ...state, devicesReset: [...state.devicesReset, ...fresh] } : state;
}
