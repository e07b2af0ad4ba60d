/**
 * The moves a file may make in a run of a shape: in boot 0, a PRESERVE attempt into one of the
 * sessions or one of its preparation steps; in a later boot, a RETRIEVE attempt. Each move
 * uses one bit of the file's mask of moves left, so that each is made at most once.
 */
import type { FileSpec, LuoState, Step } from '../engine';
import type { RunShape } from './shape';
import { shapePreserve, shapeRetrieve, shapeSet } from './shape';

/** The moves of a file with these preparation steps, in boot 0 or after. */
export function availableAt(shape: RunShape, boot0: boolean, prep: readonly number[]): number[] {
  if (!boot0) return [0];
  const out = Array.from({ length: shape.sessions }, (_, j) => j);
  for (const p of prep) out.push(shape.sessions + p);
  return out;
}

/** The bit of the mask a move uses: bit 0 is the PRESERVE (or RETRIEVE) attempt. */
export function moveBit(shape: RunShape, boot0: boolean, move: number): number {
  return !boot0 || move < shape.sessions ? 1 : 2 << (move - shape.sessions);
}

/** The mask of a file at the start of boot 0. */
export function startMask(prep: readonly number[]): number {
  return prep.reduce((m, p) => m | (2 << p), 1);
}

/** The step of move `move` by file `i` in `state`. */
export function fileStep(
  shape: RunShape,
  files: readonly FileSpec[],
  state: LuoState,
  i: number,
  move: number,
): Step {
  if (state.boot === 0) {
    return move < shape.sessions
      ? shapePreserve(shape, files, i, move)
      : shapeSet(files, i, move - shape.sessions);
  }
  const s = shapeRetrieve(shape, state, i);
  if (!s) throw new Error(`file ${files[i]!.id} is in no incoming session`);
  return s;
}

/** Files that may be retrieved in `state`: those in an incoming session. */
export function incomingFiles(state: LuoState): number[] {
  return state.incoming.flatMap((s) => s.files.map((f) => f.token - 1));
}
