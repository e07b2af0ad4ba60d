/**
 * The handler interface: the engine's `struct liveupdate_file_ops` (include/linux/liveupdate.h,
 * SEMANTICS §2.1). One module per file type implements it; the LUO core only calls these ops
 * and never looks at a file's type.
 */
import type { CorrectionId } from '../corrections';
import type { Errno } from '../errno';
import type { Switches } from '../switches';
import type {
  FileId,
  FileProps,
  FileSpec,
  FileType,
  IncomingFile,
  PropValue,
  Token,
} from '../types';

/** What an op returns: success (with the tokens it serialized), or an errno and why. */
export type OpResult =
  | {
      ok: true;
      depTokens?: readonly Token[];
      note?: string;
      /** `.freeze()` reset the device: without `.unfreeze()` a rollback leaves it reset (C2). */
      resets?: boolean;
    }
  | {
      ok: false;
      errno: Errno;
      reason: string;
      /** A refusal written for a retry (variant B's strict order, `args->retryable`). */
      transient?: boolean;
    };

/** Everything an op may look at: the file, its current properties, the switches. */
export interface OpContext {
  file: FileSpec;
  props: Required<FileProps>;
  switches: Switches;
  /** The name of the session the op runs for (the `args->session` of 2026 trees). */
  session: string;
  fileById(id: FileId): FileSpec;
  propsOf(id: FileId): Required<FileProps>;
  /** A file's properties as the document declares them (before any `set` step). */
  initialPropsOf(id: FileId): Required<FileProps>;
  /** Whether a model correction (SEMANTICS §9) applies; always, except to show what it changed. */
  corrected(id: CorrectionId): boolean;
}

/** Outgoing side: `liveupdate_get_token_outgoing()` over this session's files (§2.2). */
export interface OutgoingContext extends OpContext {
  tokenOutgoing(dep: FileId): Token | null;
  /** Whether this same file is already preserved in an outgoing session (handler state). */
  alreadyPreserved(): boolean;
  /** The tokens the handler serialized at preserve (for `.freeze()`). */
  depTokens: readonly Token[];
}

/** Incoming side: the entry being retrieved or finished and its session's other entries. */
export interface IncomingContext extends OpContext {
  entry: IncomingFile;
  entryByToken(token: Token): IncomingFile | undefined;
  /** `liveupdate_get_file_incoming()`: retrieves the token implicitly (§2.2). */
  fileIncoming(token: Token): { ok: true } | { ok: false; errno: Errno };
}

/** A property a file type carries (TRACE-FORMAT "Files"). */
export interface PropSpec {
  name: keyof FileProps;
  kind: 'boolean' | 'errno-or-null';
  default: PropValue;
  /** What the property means, for the UI. */
  label: string;
  /**
   * A userspace action (seal, stop a vCPU) needs an open fd and may be refused; a handler knob
   * of the simulated `generic` type is not a syscall and always applies.
   */
  userspace: boolean;
  /** Checks a userspace change. */
  check?(current: PropValue, next: PropValue, ctx: PropCheck): OpResult;
}

/** What a property check may look at. */
export interface PropCheck {
  /** The file is in an outgoing session. */
  preserved: boolean;
  /** The fd is one RETRIEVE_FD handed out in this boot (the file was created in an earlier one). */
  retrieved: boolean;
  switches: Switches;
  corrected(id: CorrectionId): boolean;
}

/** Which files a type may depend on (TRACE-FORMAT "Files"). */
export interface DepRule {
  types: readonly FileType[] | 'any';
  min: number;
  max: number;
  /** How the rule reads in a message: "exactly one kvm-vm". */
  text: string;
}

/** A LUO file handler. Optional ops are absent exactly where the kernel handler lacks them. */
export interface FileHandler {
  type: FileType;
  /** The handler's compatible string, as serialized by the kernel. */
  compatible: string;
  /** Name of the kernel source the handler models, for reasons. */
  source: string;
  /** One line for a person: what this file is to a VMM. */
  summary: string;
  deps: DepRule;
  props: readonly PropSpec[];
  /** memfd and guest_memfd hold guest data; losing it is data loss (TRACE-FORMAT). */
  holdsContents: boolean;
  /**
   * `.can_preserve()`: null accepts the file; a sentence says why it refuses it
   * (PRESERVE_FD -> ENOENT). Absent: accepts every file of its type.
   */
  canPreserve?(ctx: OpContext): string | null;
  /** Userspace properties a retrieved file keeps across kexec (memfd-v2 restores seals). */
  keepsProps?: readonly (keyof FileProps)[];
  preserve(ctx: OutgoingContext): OpResult;
  unpreserve(ctx: OutgoingContext): OpResult;
  freeze?(ctx: OutgoingContext): OpResult;
  unfreeze?(ctx: OutgoingContext): OpResult;
  retrieve(ctx: IncomingContext): OpResult;
  /** `null` where the handler has no `.can_finish()` under these switches (no callback). */
  canFinish?(ctx: IncomingContext): OpResult | null;
  finish(ctx: IncomingContext): OpResult;
  /**
   * Dependencies this file reached through `liveupdate_get_file_incoming()` that userspace
   * never retrieved, while userspace holds this file: an orphan when the session is released.
   */
  danglingDeps?(ctx: IncomingContext): readonly FileId[];
  /**
   * The part of `.can_finish()` that checks dependencies (variant D's guard), `null` where
   * there is none: an orphan is *detected* when this refused its session's release.
   */
  dependencyGuard?(ctx: IncomingContext): OpResult | null;
}

/**
 * A handler type with its revisions side by side: which one runs is chosen by the switches (a
 * tree's defaults) and, where a revision's op set was corrected, by the corrections.
 */
export interface HandlerModule {
  type: FileType;
  /** Every revision, oldest first, for the docs and the tree picker. */
  revisions: readonly FileHandler[];
  select(switches: Switches, corrected: (id: CorrectionId) => boolean): FileHandler;
}

/** A type with one revision. */
export function single(handler: FileHandler): HandlerModule {
  return { type: handler.type, revisions: [handler], select: () => handler };
}

export const OK: OpResult = { ok: true };

/** A refusal from an op. */
export function fail(errno: Errno, reason: string, transient = false): OpResult {
  return transient ? { ok: false, errno, reason, transient } : { ok: false, errno, reason };
}

/** A boolean property with no restriction on changes. */
export function boolProp(name: keyof FileProps, label: string, userspace: boolean): PropSpec {
  return { name, kind: 'boolean', default: false, label, userspace };
}
