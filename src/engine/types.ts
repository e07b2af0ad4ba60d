/**
 * The data the engine works on: the scenario (files a VMM holds), the userspace steps (one per
 * syscall, as in the trace format), the kernel state, and what each step returns.
 */
import type { Errno } from './errno';
import type { Model } from './model';
import type { PMap } from './persistent/pmap';
import type { PTable } from './persistent/ptable';
import type { Switches } from './switches';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A file's id in the scenario (`vm`, `gmem`): the same object across boots. */
export type FileId = Brand<string, 'FileId'>;
/** A session handle of the trace: the variable that holds a session fd. */
export type SessionHandle = Brand<string, 'SessionHandle'>;
/** A LUO token: the u64 key userspace gives a preserved file in its session. */
export type Token = Brand<number, 'Token'>;

/** The file types the trace format knows (TRACE-FORMAT "Files"). `pipe` has no LUO handler. */
export const FILE_TYPES = [
  'memfd',
  'kvm-vm',
  'guest_memfd',
  'kvm-vcpu',
  'iommufd',
  'vfio-pci',
  'pipe',
  'generic',
] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** Userspace-visible or handler properties a file may carry (defaults in the handler). */
export interface FileProps {
  sealed?: boolean;
  hugetlb?: boolean;
  running?: boolean;
  irqsEnabled?: boolean;
  bound?: boolean;
  freezeError?: Errno | null;
  canFinish?: boolean;
  hwptRestored?: boolean;
}
export type PropName = keyof FileProps;
export type PropValue = boolean | Errno | null;

/** One file of the scenario. `boot` is the boot in which the VMM creates it. */
export interface FileSpec extends FileProps {
  id: FileId;
  type: FileType;
  deps: readonly FileId[];
  boot: number;
}

/** A userspace step: one syscall of the VMM (TRACE-FORMAT "Steps"). */
export type Step =
  | { op: 'createSession'; name: string; as: SessionHandle }
  | { op: 'retrieveSession'; name: string; as: SessionHandle }
  | { op: 'preserve'; session: SessionHandle; file: FileId; token: Token }
  | { op: 'retrieve'; session: SessionHandle; token: Token }
  | { op: 'finish'; session: SessionHandle; reserved: number }
  | { op: 'closeSession'; session: SessionHandle }
  | { op: 'kexec' }
  | { op: 'set'; file: FileId; prop: PropName; value: PropValue }
  | { op: 'freezeSession'; session: SessionHandle; reserved: number }
  | { op: 'getSessionName'; session: SessionHandle }
  | { op: 'openDevice' }
  | { op: 'closeDevice' };
export type Op = Step['op'];
export const OPS: readonly Op[] = [
  'createSession',
  'preserve',
  'closeSession',
  'kexec',
  'retrieveSession',
  'retrieve',
  'finish',
  'set',
  'freezeSession',
  'getSessionName',
  'openDevice',
  'closeDevice',
];

/**
 * The result of a syscall or a callback: `"ok"`, the errno name, `"hang"` for a call the
 * kernel never returns from (a deadlock, correction C1), or `"not reached"` for every step a
 * hung VMM never issues.
 */
export type Result = 'ok' | Errno | 'hang' | 'not reached';

/** The handler callbacks of `struct liveupdate_file_ops` that LUO makes. */
export type CallbackName =
  'preserve' | 'unpreserve' | 'freeze' | 'unfreeze' | 'retrieve' | 'can_finish' | 'finish';

/** One callback LUO made into a handler. `status` (retrieve_status) only for `finish`. */
export interface Callback {
  cb: CallbackName;
  file: FileId;
  session: string;
  result: Result;
  status?: number;
}

/** What a step returned, why, and which callbacks it caused, in call order. */
export interface StepResult {
  result: Result;
  /** A sentence for a person: the rule, the kernel function it models, the outcome. */
  reason: string;
  /** The kernel function the step's result comes from, e.g. `luo_preserve_file`. */
  fn: string;
  callbacks: Callback[];
}

/** A guest_memfd (or vCPU, or generic file) handed to userspace without its dependency. */
export interface Orphan {
  file: FileId;
  dependsOn: FileId;
  /** True where the kernel refused or warned (variant D's stuck session). */
  detected: boolean;
  /** The boot in which the session's files were released. */
  boot: number;
}

/** A file in an outgoing session (preserved in this boot). */
export interface OutgoingFile {
  file: FileId;
  token: Token;
  /** Tokens of the dependencies the handler recorded (its serialized `vm_token`). */
  depTokens: readonly Token[];
}

/** A session created in this boot with CREATE_SESSION. */
export interface OutgoingSession {
  /** Unique id of this session object over the whole run. */
  sid: number;
  name: string;
  /** By token, looked up by file id too. */
  files: PTable<Token, OutgoingFile>;
  /** Frozen early by LIVEUPDATE_SESSION_FREEZE (proposed Oct 2026): kexec does not freeze it again. */
  frozen?: boolean;
}

/** A file in an incoming session (preserved by the previous kernel). */
export interface IncomingFile extends OutgoingFile {
  /** 0 never retrieved, 1 retrieved, or a negative errno (SEMANTICS §2.4). */
  retrieveStatus: number;
  /** Set only by a successful RETRIEVE_FD (never by a kernel-internal retrieval). */
  userRetrieved: boolean;
}

/** A session serialized by the previous kernel. */
export interface IncomingSession {
  sid: number;
  name: string;
  retrieved: boolean;
  /** Release failed: not freed, files held by LUO until the next live update (§1.8). */
  stuck: boolean;
  /** By token, looked up by file id too. */
  files: PTable<Token, IncomingFile>;
}

/** What a session handle holds: a session fd, or nothing (failed, closed, earlier boot). */
export type HandleState = { sid: number; boot: number } | null;

/** The whole simulated system: kernel state plus the VMM's fds. Plain, immutable data. */
export interface LuoState {
  readonly files: readonly FileSpec[];
  readonly switches: Switches;
  /** The kernel tree and the model corrections this run uses. */
  readonly model: Model;
  /** Whether the VMM holds /dev/liveupdate open (it is open at the start of every boot). */
  readonly devOpen: boolean;
  /** The VMM is blocked forever in a syscall (correction C1): no later step is reached. */
  readonly hung: { reason: string } | null;
  /** Devices left reset by a freeze that a failed kexec rolled back (correction C2). */
  readonly devicesReset: readonly FileId[];
  /** Number of successful kexecs so far: boot 0, 1, 2, ... */
  readonly boot: number;
  /** File properties as changed by `set` steps, by file id. */
  readonly props: Readonly<Record<string, FileProps>>;
  /** Files retrieved with an fd in this boot (besides those created in it). */
  readonly retrievedFds: PTable<FileId, FileId>;
  /**
   * Sessions by sid in creation order, looked up by name too. Persistent tables, like the
   * handles: a step that changes one session costs O(log n), however many there are.
   */
  readonly outgoing: PTable<number, OutgoingSession>;
  readonly incoming: PTable<number, IncomingSession>;
  /** Session handles of the trace (persistent: a step changes one path, not a copy). */
  readonly handles: PMap<HandleState>;
  readonly nextSid: number;
  readonly orphans: readonly Orphan[];
  /** Files LUO let go of at a FINISH in this boot, as they were then (for the views). */
  readonly released: readonly IncomingFile[];
  readonly dataLoss: readonly FileId[];
  readonly stuckSessions: readonly string[];
}

/** The outcome of a run (TRACE-FORMAT "Replay result", without `mismatches`). */
export interface Outcome {
  boots: number;
  orphans: { file: FileId; dependsOn: FileId; detected: boolean }[];
  dataLoss: FileId[];
  stuckSessions: string[];
  /** Present only when the VMM hung (correction C1). */
  hung?: { reason: string };
  /** Present only when a rolled-back freeze left devices reset (correction C2). */
  devicesReset?: FileId[];
}
