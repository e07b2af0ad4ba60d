/**
 * Run shapes (docs/explore.md "Run shapes"): how many sessions a run creates, how many live
 * updates it goes through, and whether the VMM's own preparation (`set` steps) is part of it.
 * The default shape (1 session, 1 kexec, no `set`) is the one of runs.ts, with the same steps.
 */
import type {
  FileSpec,
  LuoState,
  PropName,
  PropValue,
  SessionHandle,
  Step,
  Token,
} from '../engine';
import { handlerFor } from '../engine';
import { SESSION } from './runs';

export interface RunShape {
  /** Sessions created up front in boot 0, 1 to 3; each preserve attempt chooses one. */
  sessions: number;
  /** Live updates, 1 or 2: with 2, boot 1 ends each session (or leaves it) and kexecs again. */
  kexecs: number;
  /** Whether boot 0 includes the VMM's preparation steps (PREPARATION) in any order. */
  setSteps: boolean;
}

export const DEFAULT_SHAPE: RunShape = { sessions: 1, kexecs: 1, setSteps: false };
export const MAX_SESSIONS = 3;
export const MAX_KEXECS = 2;

/** Whether a shape is the default one (whose output format predates shapes). */
export function isDefaultShape(shape: RunShape): boolean {
  return shape.sessions === 1 && shape.kexecs === 1 && !shape.setSteps;
}

/** Why a shape is not one the explorer takes, or null. */
export function shapeProblem(shape: RunShape): string | null {
  if (!Number.isInteger(shape.sessions) || shape.sessions < 1 || shape.sessions > MAX_SESSIONS) {
    return `sessions: ${shape.sessions}; a run creates 1 to ${MAX_SESSIONS} sessions`;
  }
  if (!Number.isInteger(shape.kexecs) || shape.kexecs < 1 || shape.kexecs > MAX_KEXECS) {
    return `kexecs: ${shape.kexecs}; a run goes through 1 or ${MAX_KEXECS} live updates`;
  }
  return null;
}

/**
 * What a VMM does to its files before a live update, as `set` steps: stop a running vCPU,
 * turn a device's interrupts off, seal a memfd. A file gets the step when its type has the
 * (userspace) property and the document's value differs.
 */
export const PREPARATION: readonly { prop: PropName; value: PropValue }[] = [
  { prop: 'running', value: false },
  { prop: 'irqsEnabled', value: false },
  { prop: 'sealed', value: true },
];

/** The preparation steps a file may take, as indexes into PREPARATION. */
export function preparationOf(file: FileSpec): number[] {
  const props = handlerFor(file.type)?.props ?? [];
  const out: number[] = [];
  PREPARATION.forEach((p, i) => {
    const spec = props.find((s) => s.name === p.prop && s.userspace);
    if (!spec) return;
    const value = file[p.prop] ?? spec.default;
    if (value !== p.value) out.push(i);
  });
  return out;
}

/** Session j's name and the handles of its outgoing and incoming fds. */
export function sessionNames(shape: RunShape, j: number) {
  if (shape.sessions === 1)
    return { name: SESSION, out: 'S' as SessionHandle, in: 'S1' as SessionHandle };
  const n = j + 1;
  return { name: `s${n}`, out: `O${n}` as SessionHandle, in: `I${n}` as SessionHandle };
}

/** The steps of a shape that name no file. */
export function shapeSteps(shape: RunShape) {
  const js = Array.from({ length: shape.sessions }, (_, j) => sessionNames(shape, j));
  return {
    creates: js.map((s): Step => ({ op: 'createSession', name: s.name, as: s.out })),
    retrieveSessions: js.map((s): Step => ({ op: 'retrieveSession', name: s.name, as: s.in })),
  };
}

export function shapePreserve(
  shape: RunShape,
  files: readonly FileSpec[],
  i: number,
  j: number,
): Step {
  return {
    op: 'preserve',
    session: sessionNames(shape, j).out,
    file: files[i]!.id,
    token: (i + 1) as Token,
  };
}

export function shapeSet(files: readonly FileSpec[], i: number, prep: number): Step {
  const p = PREPARATION[prep]!;
  return { op: 'set', file: files[i]!.id, prop: p.prop, value: p.value };
}

/** RETRIEVE_FD of file i from the incoming session that holds its token, if one does. */
export function shapeRetrieve(shape: RunShape, state: LuoState, i: number): Step | null {
  const token = (i + 1) as Token;
  for (let j = 0; j < shape.sessions; j++) {
    const names = sessionNames(shape, j);
    const session = state.incoming.getBy(names.name);
    if (session?.files.has(token)) return { op: 'retrieve', session: names.in, token };
  }
  return null;
}

/** How a run may end session j in its last boot: FINISH (then close if refused), close, leave. */
export type Ending = 'finish' | 'close' | 'leave';

export function endingsOf(shape: RunShape): Ending[] {
  return shape.kexecs > 1 ? ['finish', 'close', 'leave'] : ['finish', 'close'];
}
