/**
 * Witnesses as real runs: a shortest run of a class is found as moves "a file of class c in
 * local state s with moves m left"; here it is replayed through the engine from the start,
 * each such move taken by the first file that matches, which gives the concrete steps of a
 * run of that class (the files matched are interchangeable, so any of them gives one).
 */
import type { Model, FileSpec, LuoState, Step, Switches } from '../engine';
import { DEFAULT_MODEL, createState, step } from '../engine';
import { fileStep, incomingFiles, moveBit, startMask } from './moves';
import type { RunShape } from './shape';
import { preparationOf } from './shape';
import type { FileClasses } from './symmetry';
import { fileClasses, stateDescriber } from './symmetry';
import type { Suffix } from './tally';
import { movesOf } from './tally';

/** The concrete steps of the run whose moves are `suffix`. */
export function concretize(
  files: readonly FileSpec[],
  switches: Switches,
  shape: RunShape,
  suffix: Suffix | null,
  model: Model = DEFAULT_MODEL,
  classes: FileClasses = fileClasses(files),
): Step[] {
  const describe = stateDescriber(files, classes);
  const masks = files.map((f) => startMask(shape.setSteps ? preparationOf(f) : []));
  let state: LuoState = createState(files, switches, model);
  const out: Step[] = [];
  for (const move of movesOf(suffix)) {
    let s: Step;
    if (move.kind === 'step') {
      s = move.step;
    } else {
      const { sigs } = describe(state);
      const i = files.findIndex(
        (_, k) =>
          classes.classOf[k] === move.cls &&
          masks[k] === move.mask &&
          describe.text(sigs[k]!) === move.sig,
      );
      if (i < 0) throw new Error('witness: no file matches a move of the run');
      s = fileStep(shape, files, state, i, move.move);
      masks[i]! &= ~moveBit(shape, state.boot === 0, move.move);
    }
    const before = state.boot;
    state = step(state, s).state;
    out.push(s);
    if (state.boot !== before) {
      masks.fill(0);
      for (const i of incomingFiles(state)) masks[i] = 1;
    }
  }
  return out;
}
