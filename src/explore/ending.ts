/**
 * How the parts of a scenario meet at the end of a run (docs/explore.md "Independent parts").
 * FINISH (and the implicit FINISH of close) is all or nothing over a session: a part's files
 * are finished or left stuck depending on whether *some* file of the session, of any part,
 * refuses. So a part is explored in 2^K *worlds*: world W has, in each session j of W, one
 * more file of the engine's generic type that is never retrieved and whose `can_finish`
 * refuses (it holds no contents, depends on nothing and freezes without a reset, so it adds
 * nothing to any class). World 0 is the scenario as it is. In each world the engine runs every
 * ending; a part's *ending signature* lists, per ending, which sessions the part refuses on its
 * own (world 0) and the class bits of the part in each world the whole run may be in.
 */
import type { FileId, FileSpec, LuoState, Model, Step, Switches, Token } from '../engine';
import { fileTable, handlerIn, step } from '../engine';
import { freezeFiles } from '../engine/core/freeze';
import { endBits } from './runs';
import type { Ending, RunShape } from './shape';
import { endingsOf, sessionNames, shapeSteps } from './shape';

/** The decomposition does not apply to this exploration (the caller explores it whole). */
export class Coupled extends Error {}

/** Whether some freeze of an outgoing session of `state` would reset a device (C2). */
export function freezeResets(state: LuoState): boolean {
  return state.outgoing.some((s) => {
    const r = freezeFiles(state, s, []);
    return r.resets.length > 0;
  });
}

/**
 * What file `id`'s `.freeze()` would do at the kexec from `state`: `F` fail, `R` reset a device
 * that no `.unfreeze()` restores (so that a failure later in the freeze leaves it reset, C2),
 * `N` neither or not preserved. The engine freezes the session with the file first: a freeze
 * looks its dependencies up by membership in the session, not by position.
 */
export function freezeTag(state: LuoState, id: FileId): 'N' | 'R' | 'F' {
  for (const s of state.outgoing) {
    const first = s.files.getBy(id);
    if (!first) continue;
    const files = fileTable([first, ...s.files.filter((f) => f !== first)]);
    const r = freezeFiles(state, { ...s, files }, []);
    if (!r.ok && r.index === 0) return 'F';
    const type = state.files.find((f) => f.id === id)!.type;
    return r.resets.includes(id) && !handlerIn(state, type)?.unfreeze ? 'R' : 'N';
  }
  return 'N';
}

/** The start of a run (sessions created) in each world. */
export function worldStarts(
  files: readonly FileSpec[],
  switches: Switches,
  model: Model,
  shape: RunShape,
  create: (files: readonly FileSpec[], switches: Switches, model: Model) => LuoState,
): LuoState[] {
  const { creates } = shapeSteps(shape);
  const refusers: FileSpec[] = Array.from({ length: shape.sessions }, (_, j) => ({
    id: `#refuser${j}` as FileId,
    type: 'generic',
    deps: [],
    boot: 0,
    canFinish: false,
  }));
  const wide = [...files, ...refusers];
  const out: LuoState[] = [];
  for (let w = 0; w < 2 ** shape.sessions; w++) {
    let s = create(w === 0 ? files : wide, switches, model);
    for (const c of creates) s = step(s, c).state;
    for (let j = 0; j < shape.sessions; j++) {
      if (!(w & (1 << j))) continue;
      const token = (files.length + 1 + j) as Token;
      const session = sessionNames(shape, j).out;
      const r = step(s, { op: 'preserve', session, file: refusers[j]!.id, token });
      if (r.result.result !== 'ok') throw new Coupled('no file of this tree refuses FINISH');
      s = r.state;
    }
    out.push(s);
  }
  return out;
}

/** Every ending of a shape: one choice per session, session 0 first. */
export function endingVectors(shape: RunShape): Ending[][] {
  let out: Ending[][] = [[]];
  for (let j = 0; j < shape.sessions; j++) {
    out = out.flatMap((e) => endingsOf(shape).map((c) => [...e, c]));
  }
  return out;
}

/** The steps of ending `e` when FINISH or close is refused in the sessions of `refused`. */
export function endingSteps(shape: RunShape, e: readonly Ending[], refused: number): Step[] {
  const out: Step[] = [];
  e.forEach((c, j) => {
    const handle = sessionNames(shape, j).in;
    if (c === 'leave') return;
    if (c === 'finish') out.push({ op: 'finish', session: handle, reserved: 0 });
    if (c === 'close' || refused & (1 << j)) out.push({ op: 'closeSession', session: handle });
  });
  if (shape.kexecs > 1) out.push({ op: 'kexec' });
  return out;
}

/** Ends a run from `state` with `e`: the class bits, and the sessions that refused. */
function walk(shape: RunShape, state: LuoState, e: readonly Ending[]) {
  let s = state;
  let refused = false;
  let v = 0;
  e.forEach((c, j) => {
    if (c === 'leave') return;
    const handle = sessionNames(shape, j).in;
    const finish: Step = { op: 'finish', session: handle, reserved: 0 };
    const close: Step = { op: 'closeSession', session: handle };
    const fin = step(s, finish);
    if (fin.result.result !== 'ok') v |= 1 << j;
    if (c === 'finish' && fin.result.result === 'ok') s = fin.state;
    else {
      if (c === 'finish') refused = true;
      s = step(c === 'finish' ? fin.state : s, close).state;
    }
  });
  if (shape.kexecs > 1) {
    const k = step(s, { op: 'kexec' });
    const failed = k.result.result !== 'ok';
    return { v, bits: endBits({ state: k.state, rebootFailed: failed, finishRefused: refused }) };
  }
  return { v, bits: endBits({ state: s, rebootFailed: false, finishRefused: refused }) };
}

/** Sessions an ending leaves as they are. */
function leaves(e: readonly Ending[]): number {
  return e.reduce((m, c, j) => (c === 'leave' ? m | (1 << j) : m), 0);
}

/** The ending signature of a part in `states` (one per world). */
export function endingSig(shape: RunShape, states: readonly LuoState[]): string {
  return endingVectors(shape)
    .map((e) => {
      const { v, bits } = walk(shape, states[0]!, e);
      const out = [String(v)];
      for (let w = 0; w < states.length; w++) {
        const valid = (w & v) === v && (w & leaves(e)) === 0;
        out.push(!valid ? '-' : w === 0 ? String(bits) : String(walk(shape, states[w]!, e).bits));
      }
      return out.join(',');
    })
    .join(';');
}

/** The signature of two parts together: refusals and class bits joined, per ending. */
export function joinSigs(a: string, b: string): string {
  const eb = b.split(';');
  return a
    .split(';')
    .map((ea, i) => {
      const x = ea.split(',');
      const y = eb[i]!.split(',');
      const v = Number(x[0]) | Number(y[0]);
      const out = [String(v)];
      for (let w = 1; w < x.length; w++) {
        const valid = ((w - 1) & v) === v && x[w] !== '-';
        out.push(valid ? String(Number(x[w]) | Number(y[w])) : '-');
      }
      return out.join(',');
    })
    .join(';');
}

/** For each ending of a whole run's signature: its class bits and refused sessions. */
export function sigEndings(sig: string): { bits: number; refused: number }[] {
  return sig.split(';').map((entry) => {
    const x = entry.split(',');
    const v = Number(x[0]);
    return { bits: Number(x[v + 1]), refused: v };
  });
}
