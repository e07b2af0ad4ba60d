/**
 * reboot(LINUX_REBOOT_CMD_KEXEC) -> `liveupdate_reboot()`: freeze every outgoing session, in
 * creation order, each file FIFO; on a failure unfreeze what was frozen and fail the reboot
 * (kernel/liveupdate/luo_core.c, luo_session.c, luo_file.c [S1][S2][S3], SEMANTICS §1.10,
 * §1.11, §2.3, §7). A session frozen early (LIVEUPDATE_SESSION_FREEZE) is not frozen again.
 * On success the next boot starts with those sessions incoming.
 */
import type {
  Callback,
  FileId,
  FileProps,
  FileSpec,
  IncomingFile,
  IncomingSession,
  LuoState,
  OutgoingSession,
  Token,
} from '../types';
import { handlerFor } from '../handlers';
import type { FileHandler } from '../handlers/handler';
import { idTable, remapFiles, sessionTable } from '../state';
import { handlerIn, handlerOf } from './context';
import { withResets, freezeFiles, resetNote, unfreezeFiles } from './freeze';
import type { StepOutput } from './result';
import { ok, refuse } from './result';

const FN = 'liveupdate_reboot';

/** kexec: freeze (§2.3), then boot the next kernel with the outgoing sessions incoming. */
export function kexec(state: LuoState): StepOutput {
  const callbacks: Callback[] = [];
  const frozen: OutgoingSession[] = [];
  const resets: FileId[] = [];
  for (const [j, session] of state.outgoing.entries()) {
    if (session.frozen) {
      frozen.push(session);
      continue;
    }
    const r = freezeFiles(state, session, callbacks);
    if (!r.ok) {
      const left = unfreezeFiles(state, session, r.index, r.resets, callbacks);
      for (const earlier of state.outgoing.slice(0, j).reverse()) {
        if (earlier.frozen) continue;
        left.push(...unfreezeFiles(state, earlier, earlier.files.length, resets, callbacks));
      }
      return refuse(
        withResets(state, left),
        r.errno,
        FN,
        `${r.reason}; freeze of "${r.file}" in session "${session.name}" failed: frozen files ` +
          `unfrozen, reboot() returns -${r.errno}, the system keeps running and every ` +
          `session stays preserved${resetNote(left)}`,
        callbacks,
      );
    }
    resets.push(...r.resets);
    frozen.push({ ...session, files: r.files });
  }
  if (state.switches.khoFinalize === 'fails') {
    // torvalds/linux kernel/liveupdate/luo_core.c @cab056f liveupdate_reboot(): after
    // luo_session_serialize() and luo_flb_serialize(), a kho_finalize() error becomes -EAGAIN
    // and is returned as it is; nothing calls luo_session_unfreeze() (the comment says it does).
    return refuse(
      withResets(state, resets),
      'EAGAIN',
      'kho_finalize',
      'every session froze, then kho_finalize() failed: liveupdate_reboot() returns -EAGAIN ' +
        'without unfreezing the sessions (no .unfreeze() is called, against its own comment), ' +
        `the system keeps running${resetNote(resets)}`,
      callbacks,
    );
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
  const incoming = sessionTable<IncomingSession>(
    frozen.map((s) => ({
      sid: s.sid,
      name: s.name,
      retrieved: false,
      stuck: false,
      files: remapFiles(s.files, (f): IncomingFile => ({
        file: f.file,
        token: f.token as Token,
        depTokens: f.depTokens,
        retrieveStatus: 0,
        userRetrieved: false,
      })),
    })),
  );
  return {
    ...state,
    boot: next,
    devOpen: true,
    props: resetUserspaceProps(state),
    retrievedFds: idTable(),
    released: [],
    outgoing: sessionTable(),
    incoming,
    dataLoss: [...state.dataLoss, ...lost.filter((f) => !state.dataLoss.includes(f))],
  };
}

const NOTHING: Readonly<FileProps> = Object.freeze({});
const starts = new WeakMap<object, Map<string, Readonly<FileProps>>>();
const NO_HANDLER = {};

/**
 * What a file of a type starts over with after kexec, under the handler revision that runs
 * for it: one frozen record per revision and type, shared by every state (states are values).
 */
function startProps(handler: FileHandler | undefined, type: FileSpec['type']): Readonly<FileProps> {
  let byType = starts.get(handler ?? NO_HANDLER);
  if (!byType) starts.set(handler ?? NO_HANDLER, (byType = new Map()));
  let start = byType.get(type);
  if (!start) {
    const record: FileProps = {};
    const kept = handler?.keepsProps ?? [];
    for (const p of handlerFor(type)?.props ?? []) {
      if (p.userspace && !kept.includes(p.name)) Object.assign(record, { [p.name]: p.default });
    }
    byType.set(type, (start = Object.freeze(record)));
  }
  return start;
}

/**
 * A file that lives on after kexec is a new struct file: seals, KVM_RUN, IRQs and iommufd
 * binding start over (memfd-v1 restores contents, not seals [S7]), except the properties its
 * handler revision restores (memfd-v2 re-applies the seals [S49]). Handler knobs stay.
 */
function resetUserspaceProps(state: LuoState): Record<string, FileProps> {
  const out: Record<string, FileProps> = {};
  const startOf = (type: FileSpec['type']) => startProps(handlerIn(state, type), type);
  // A record that already holds what it starts over with is kept as it is (states are
  // values: nothing writes to a record), and so is the whole table when every record is.
  const ids = Object.keys(state.props);
  let same = ids.length === state.files.length;
  state.files.forEach((f, i) => {
    const was = state.props[f.id];
    const start = f.boot <= state.boot ? startOf(f.type) : NOTHING;
    const keeps =
      was !== undefined && Object.entries(start).every(([k, v]) => was[k as keyof FileProps] === v);
    // A file with no record gets the shared start record itself.
    out[f.id] = keeps ? was : was === undefined ? start : { ...was, ...start };
    if (!keeps || ids[i] !== f.id) same = false;
  });
  return same ? state.props : out;
}
