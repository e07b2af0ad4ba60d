/**
 * A tiny test DSL over the engine, in the spirit of the liveupdate selftests: build the files a
 * VMM holds, then issue one "ioctl" per line and check its errno and the handler callbacks.
 * Test-only: nothing in the engine imports it.
 */
import { modelOf } from './model';
import { outcomeOf } from './outcome';
import { createState } from './state';
import { step } from './step';
import type { Switches, Variant } from './switches';
import { resolveSwitches } from './switches';
import type { TreeId } from './trees';
import type {
  Callback,
  FileId,
  FileProps,
  FileSpec,
  FileType,
  LuoState,
  Outcome,
  PropName,
  PropValue,
  Result,
  SessionHandle,
  Step,
  StepResult,
  Token,
} from './types';

/** Options every file builder takes: the boot the VMM creates it in, and its properties. */
export type FileOpts = FileProps & { boot?: number };

/** A file of the scenario. */
export function file(id: string, type: FileType, deps: string[] = [], opts: FileOpts = {}) {
  const { boot = 0, ...props } = opts;
  return { id: id as FileId, type, deps: deps as FileId[], boot, ...props } satisfies FileSpec;
}

export const memfd = (id: string, opts: FileOpts = {}) => file(id, 'memfd', [], opts);
export const vm = (id: string, opts: FileOpts = {}) => file(id, 'kvm-vm', [], opts);
export const gmem = (id: string, vmId: string, opts: FileOpts = {}) =>
  file(id, 'guest_memfd', [vmId], opts);
export const vcpu = (id: string, vmId: string, opts: FileOpts = {}) =>
  file(id, 'kvm-vcpu', [vmId], opts);
export const iommufd = (id: string, memfds: string[], opts: FileOpts = {}) =>
  file(id, 'iommufd', memfds, opts);
export const vfio = (id: string, iommu: string | null, opts: FileOpts = {}) =>
  file(id, 'vfio-pci', iommu === null ? [] : [iommu], opts);
export const pipe = (id: string, opts: FileOpts = {}) => file(id, 'pipe', [], opts);
export const generic = (id: string, deps: string[] = [], opts: FileOpts = {}) =>
  file(id, 'generic', deps, opts);

/** Step builders: the ioctls of SEMANTICS §1 with plain strings and numbers. */
export const op = {
  createSession: (name: string, as = name): Step => ({
    op: 'createSession',
    name,
    as: as as SessionHandle,
  }),
  retrieveSession: (name: string, as = name): Step => ({
    op: 'retrieveSession',
    name,
    as: as as SessionHandle,
  }),
  preserve: (session: string, id: string, token: number): Step => ({
    op: 'preserve',
    session: session as SessionHandle,
    file: id as FileId,
    token: token as Token,
  }),
  retrieve: (session: string, token: number): Step => ({
    op: 'retrieve',
    session: session as SessionHandle,
    token: token as Token,
  }),
  finish: (session: string, reserved = 0): Step => ({
    op: 'finish',
    session: session as SessionHandle,
    reserved,
  }),
  closeSession: (session: string): Step => ({
    op: 'closeSession',
    session: session as SessionHandle,
  }),
  kexec: (): Step => ({ op: 'kexec' }),
  freezeSession: (session: string, reserved = 0): Step => ({
    op: 'freezeSession',
    session: session as SessionHandle,
    reserved,
  }),
  getSessionName: (session: string): Step => ({
    op: 'getSessionName',
    session: session as SessionHandle,
  }),
  openDevice: (): Step => ({ op: 'openDevice' }),
  closeDevice: (): Step => ({ op: 'closeDevice' }),
  set: (id: string, prop: PropName, value: PropValue): Step => ({
    op: 'set',
    file: id as FileId,
    prop,
    value,
  }),
};

/** A callback as one short string: `freeze(g)`, `finish(g,1)`, `can_finish(g)=EBUSY`. */
export function fmt(c: Callback, withSession = false): string {
  const where = withSession ? `${c.session}.${c.file}` : c.file;
  const status = c.status === undefined ? '' : `,${c.status}`;
  const result = c.result === 'ok' ? '' : `=${c.result}`;
  return `${c.cb}(${where}${status})${result}`;
}

/** Runs steps from a state; returns every result and the final state. */
export function runSteps(state: LuoState, steps: readonly Step[]) {
  const results: StepResult[] = [];
  let s = state;
  for (const st of steps) {
    const out = step(s, st);
    results.push(out.result);
    s = out.state;
  }
  return { state: s, results };
}

/** The switches of a variant, or explicit switches. */
export function switchesOf(variant: Variant | Switches, overrides: Partial<Switches> = {}) {
  return typeof variant === 'string'
    ? resolveSwitches(variant, overrides)
    : { ...variant, ...overrides };
}

/**
 * A simulated machine: a VMM with its files, a kernel of the chosen variant. Each method is one
 * syscall and returns its result (`'ok'` or the errno name); `trace()` gives the callbacks of
 * the last syscall.
 */
export class Machine {
  state: LuoState;
  last: StepResult | null = null;
  readonly log: { step: Step; result: StepResult }[] = [];

  constructor(
    files: readonly FileSpec[],
    variant: Variant | Switches,
    overrides: Partial<Switches> = {},
  ) {
    this.state = createState(files, switchesOf(variant, overrides));
  }

  do(s: Step): Result {
    const out = step(this.state, s);
    this.state = out.state;
    this.last = out.result;
    this.log.push({ step: s, result: out.result });
    return out.result.result;
  }

  createSession(name: string, as = name) {
    return this.do(op.createSession(name, as));
  }
  retrieveSession(name: string, as = name) {
    return this.do(op.retrieveSession(name, as));
  }
  preserve(session: string, id: string, token: number) {
    return this.do(op.preserve(session, id, token));
  }
  retrieve(session: string, token: number) {
    return this.do(op.retrieve(session, token));
  }
  finish(session: string, reserved = 0) {
    return this.do(op.finish(session, reserved));
  }
  close(session: string) {
    return this.do(op.closeSession(session));
  }
  kexec() {
    return this.do(op.kexec());
  }
  set(id: string, prop: PropName, value: PropValue) {
    return this.do(op.set(id, prop, value));
  }
  freezeSession(session: string, reserved = 0) {
    return this.do(op.freezeSession(session, reserved));
  }
  getSessionName(session: string) {
    return this.do(op.getSessionName(session));
  }
  openDevice() {
    return this.do(op.openDevice());
  }
  closeDevice() {
    return this.do(op.closeDevice());
  }

  /** Callbacks of the last syscall, formatted by `fmt`. */
  trace(withSession = false): string[] {
    return (this.last?.callbacks ?? []).map((c) => fmt(c, withSession));
  }

  outcome(): Outcome {
    return outcomeOf(this.state);
  }

  /** Tokens of a session (outgoing or incoming) by name, in list order. */
  tokens(name: string): number[] {
    const s = this.state.outgoing.getBy(name) ?? this.state.incoming.getBy(name);
    return s ? s.files.map((f) => f.token) : [];
  }

  /** The incoming entry of a file, if any. */
  incomingEntry(id: string) {
    for (const s of this.state.incoming) {
      const e = s.files.getBy(id);
      if (e) return e;
    }
    return undefined;
  }
}

/** A fresh machine in boot 0 of a kernel tree (its switch defaults and handlers). */
export function treeMachine(
  files: readonly FileSpec[],
  tree: TreeId,
  variant: Variant,
  overrides: Partial<Switches> = {},
): Machine {
  const m = new Machine(files, resolveSwitches(variant, overrides, tree));
  m.state = createState(files, m.state.switches, modelOf(tree));
  return m;
}

/** A fresh machine in boot 0. */
export function machine(
  files: readonly FileSpec[],
  variant: Variant | Switches,
  overrides: Partial<Switches> = {},
): Machine {
  return new Machine(files, variant, overrides);
}

/** Recursively freezes a value (to prove the engine never mutates its input). */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v, seen);
  return value;
}
