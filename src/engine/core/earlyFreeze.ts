/**
 * LIVEUPDATE_SESSION_FREEZE: an early freeze of one outgoing session (the Oct 2026 proposal of
 * Pasha Tatashin and David Matlack [S47]; selftest soleen/linux
 * tools/testing/selftests/liveupdate/liveupdate.c @4a80ff2 `session_freeze` [S48]). Every
 * file's `.freeze()` runs FIFO, with the rollback of §2.3 inside the session; afterwards the
 * session takes no file and kexec does not freeze it again. The ioctl number is not in any
 * source read: luoscope uses 0x44, the next after GET_NAME.
 */
import type { LuoState, SessionHandle } from '../types';
import { withResets, freezeFiles, resetNote, unfreezeFiles } from './freeze';
import type { StepOutput } from './result';
import { ok, refuse } from './result';
import { badHandle, sessionOf } from './sessions';

const FN = 'luo_session_freeze';

/** FREEZE on a session fd. */
export function freezeSessionFd(
  state: LuoState,
  handle: SessionHandle,
  reserved: number,
): StepOutput {
  const ref = sessionOf(state, handle);
  if (!ref) return badHandle(state, handle, FN);
  if (!state.switches.sessionFreeze) {
    return refuse(
      state,
      'EINVAL',
      'luo_session_ioctl',
      `kernel tree ${state.model.tree.id} has no LIVEUPDATE_SESSION_FREEZE: the ioctl number is ` +
        'past its table -> -EINVAL (sessionFreeze off)',
    );
  }
  if (ref.dir === 'incoming') {
    return refuse(
      state,
      'EINVAL',
      FN,
      `FREEZE on incoming session "${ref.session.name}" -> -EINVAL (only outgoing sessions freeze)`,
    );
  }
  if (reserved !== 0) {
    return refuse(
      state,
      'EINVAL',
      FN,
      `struct liveupdate_session_freeze.reserved = ${reserved}, must be 0 -> -EINVAL`,
    );
  }
  const session = ref.session;
  if (session.frozen) {
    return refuse(state, 'EBUSY', FN, `session "${session.name}" is already frozen -> -EBUSY`);
  }
  const callbacks: Parameters<typeof freezeFiles>[2] = [];
  const r = freezeFiles(state, session, callbacks);
  if (!r.ok) {
    const left = unfreezeFiles(state, session, r.index, r.resets, callbacks);
    return refuse(
      withResets(state, left),
      r.errno,
      FN,
      `${r.reason}; freeze of "${r.file}" failed: the files frozen before it are unfrozen, ` +
        `FREEZE returns -${r.errno}, the session stays open and unfrozen${resetNote(left)}`,
      callbacks,
    );
  }
  const frozen = { ...session, files: r.files, frozen: true };
  return ok(
    { ...state, outgoing: state.outgoing.set(frozen) },
    FN,
    `session "${session.name}" frozen early: ${session.files.length} file(s) frozen FIFO and ` +
      'serialized now; PRESERVE_FD on it -> -EBUSY, kexec will not freeze it again',
    callbacks,
  );
}
