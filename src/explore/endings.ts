/**
 * How a run of a shape ends, from the state after its last RETRIEVE attempt: each session in
 * turn is finished (then closed if FINISH was refused), closed, or (with a second kexec) left
 * as it is; with a second kexec the run then reboots once more. Shared by the explorer and
 * the naive enumerator, since it is part of the definition of a shape.
 */
import type { LuoState, Step } from '../engine';
import { step } from '../engine';
import { endBits } from './runs';
import type { RunShape } from './shape';
import { endingsOf, sessionNames } from './shape';

/** One way to end a run: its steps and the class bits of the run. */
export interface RunEnding {
  steps: Step[];
  bits: number;
}

/** Every way to end a run from `state`, in a fixed order. */
export function runEndings(shape: RunShape, state: LuoState): RunEnding[] {
  const out: RunEnding[] = [];
  const choices = endingsOf(shape);
  const walk = (j: number, s: LuoState, done: Step[], refused: boolean) => {
    if (j === shape.sessions) {
      if (shape.kexecs > 1) {
        const k = step(s, { op: 'kexec' });
        const failed = k.result.result !== 'ok';
        const bits = endBits({ state: k.state, rebootFailed: failed, finishRefused: refused });
        out.push({ steps: [...done, { op: 'kexec' }], bits });
      } else {
        out.push({
          steps: done,
          bits: endBits({ state: s, rebootFailed: false, finishRefused: refused }),
        });
      }
      return;
    }
    const handle = sessionNames(shape, j).in;
    const close: Step = { op: 'closeSession', session: handle };
    const finish: Step = { op: 'finish', session: handle, reserved: 0 };
    for (const c of choices) {
      if (c === 'leave') walk(j + 1, s, done, refused);
      else if (c === 'close') walk(j + 1, step(s, close).state, [...done, close], refused);
      else {
        const fin = step(s, finish);
        if (fin.result.result === 'ok') walk(j + 1, fin.state, [...done, finish], refused);
        else walk(j + 1, step(fin.state, close).state, [...done, finish, close], true);
      }
    }
  };
  walk(0, state, [], false);
  return out;
}
