/**
 * reboot(LINUX_REBOOT_CMD_KEXEC) -> `liveupdate_reboot()`: freeze every outgoing session, in
 * creation order, each file FIFO; on a failure unfreeze what was frozen and fail the reboot
 * (kernel/liveupdate/luo_core.c, luo_session.c, luo_file.c [S1][S2][S3], SEMANTICS §1.10,
 * §1.11, §2.3, §7). On success the next boot starts with those sessions incoming.
 */
import { handlerFor } from '../handlers';
import type {
  Callback,
  FileId,
  FileProps,
  IncomingSession,
  LuoState,
  OutgoingFile,
  OutgoingSession,
  Token,
} from '../types';
import { call, handlerOf, outgoingContext } from './context';
import type { StepOutput } from './result';
import { ok, refuse } from './result';

const FN = 'liveupdate_reboot';

/** Unfreeze files of a session in FIFO order, up to (not including) `end`. */
function unfreeze(state: LuoState, session: OutgoingSession, end: number, callbacks: Callback[]) {
  session.files.slice(0, end).forEach((f) => {
    const handler = handlerOf(state, f.file);
    if (!handler.unfreeze) return;
    const ctx = outgoingContext(state, session.name, session.files, f.file, f.depTokens);
    call(callbacks, 'unfreeze', f.file, session.name, () => handler.unfreeze!(ctx));
  });
}

/** kexec: freeze (§2.3), then boot the next kernel with the outgoing sessions incoming. */
export function kexec(state: LuoState): StepOutput {
  const callbacks: Callback[] = [];
  const frozen: OutgoingSession[] = [];
  for (const [j, session] of state.outgoing.entries()) {
    const files: OutgoingFile[] = [];
    for (const [k, f] of session.files.entries()) {
      const handler = handlerOf(state, f.file);
      if (!handler.freeze) {
        files.push(f);
        continue;
      }
      const ctx = outgoingContext(state, session.name, session.files, f.file, f.depTokens);
      const res = call(callbacks, 'freeze', f.file, session.name, () => handler.freeze!(ctx));
      if (!res.ok) {
        unfreeze(state, session, k, callbacks);
        for (const earlier of state.outgoing.slice(0, j).reverse()) {
          unfreeze(state, earlier, earlier.files.length, callbacks);
        }
        return refuse(
          state,
          res.errno,
          FN,
          `${res.reason}; freeze of "${f.file}" in session "${session.name}" failed: frozen files ` +
            `unfrozen, reboot() returns -${res.errno}, the system keeps running and every ` +
            `session stays preserved`,
          callbacks,
        );
      }
      files.push({ ...f, depTokens: res.depTokens ?? f.depTokens });
    }
    frozen.push({ ...session, files });
  }
  return ok(boot(state, frozen), FN, rebootReason(state, frozen), callbacks);
}

function rebootReason(state: LuoState, frozen: OutgoingSession[]): string {
  const n = frozen.reduce((sum, s) => sum + s.files.length, 0);
  const unfinished = state.incoming.filter((s) => s.files.length > 0).length;
  const dropped = unfinished
    ? `; ${unfinished} unfinished incoming session(s) of boot ${state.boot} dropped, their files with them`
    : '';
  return (
    `kexec into boot ${state.boot + 1}: ${frozen.length} session(s) with ${n} file(s) ` +
    `serialized; every fd of boot ${state.boot} is gone${dropped}`
  );
}

/** The state of the new kernel right after kexec (§7). */
function boot(state: LuoState, frozen: OutgoingSession[]): LuoState {
  const next = state.boot + 1;
  // Sessions of the old boot that were never finished are dropped: unretrieved contents lost.
  const lost: FileId[] = [];
  for (const s of state.incoming) {
    for (const e of s.files) {
      if (e.retrieveStatus === 0 && handlerOf(state, e.file).holdsContents) lost.push(e.file);
    }
  }
  const incoming: IncomingSession[] = frozen.map((s) => ({
    sid: s.sid,
    name: s.name,
    retrieved: false,
    stuck: false,
    files: s.files.map((f) => ({
      file: f.file,
      token: f.token as Token,
      depTokens: f.depTokens,
      retrieveStatus: 0,
      userRetrieved: false,
    })),
  }));
  return {
    ...state,
    boot: next,
    props: resetUserspaceProps(state),
    retrievedFds: [],
    released: [],
    outgoing: [],
    incoming,
    handles: Object.fromEntries(Object.keys(state.handles).map((h) => [h, null])),
    dataLoss: [...state.dataLoss, ...lost.filter((f) => !state.dataLoss.includes(f))],
  };
}

/**
 * A file that lives on after kexec is a new struct file: seals, KVM_RUN, IRQs and iommufd
 * binding start over (memfd retrieve restores contents, not seals [S7]). Handler knobs stay.
 */
function resetUserspaceProps(state: LuoState): Record<string, FileProps> {
  const out: Record<string, FileProps> = {};
  for (const f of state.files) {
    const props: FileProps = { ...state.props[f.id] };
    for (const p of handlerFor(f.type)?.props ?? []) {
      if (p.userspace && f.boot <= state.boot) Object.assign(props, { [p.name]: p.default });
    }
    out[f.id] = props;
  }
  return out;
}
