/**
 * The naive enumerator: lists every run (runs.ts) and replays each one from scratch. It is
 * the reference the explorer is tested and benchmarked against, not something to run on
 * large scenarios.
 */
import type { FileSpec, LuoState, Step, Switches, Token } from '../engine';
import { createState, step } from '../engine';
import type { RunClass } from './runs';
import {
  BIT,
  CLASSES,
  classBits,
  hasClass,
  closeStep,
  createStep,
  finishStep,
  kexecStep,
  preserveStep,
  retrieveSessionStep,
  retrieveStep,
} from './runs';

function replay(files: readonly FileSpec[], switches: Switches, steps: readonly Step[]) {
  let state: LuoState = createState(files, switches);
  let last = null;
  for (const s of steps) {
    const out = step(state, s);
    state = out.state;
    last = out.result;
  }
  return { state, last: last! };
}

/** Every ordered selection of distinct items (including the empty one). */
function* sequences<T>(items: readonly T[], prefix: T[] = []): Generator<T[]> {
  yield prefix;
  for (const item of items) {
    if (prefix.includes(item)) continue;
    yield* sequences(items, [...prefix, item]);
  }
}

/** Calls `visit` with every run and its class bits, replaying each run from scratch. */
export function forEachRun(
  files: readonly FileSpec[],
  switches: Switches,
  visit: (steps: Step[], bits: number) => void,
) {
  const indexes = files.map((_, i) => i);
  for (const order of sequences(indexes)) {
    const boot0 = [createStep, ...order.map((i) => preserveStep(files, i)), kexecStep];
    const rebooted = replay(files, switches, boot0);
    if (rebooted.last.result !== 'ok') {
      visit(boot0, BIT.rebootFailed);
      continue;
    }
    const tokens = (rebooted.state.incoming[0]?.files ?? []).map((f) => f.token as Token);
    for (const picks of sequences(tokens)) {
      const boot1 = [...boot0, retrieveSessionStep, ...picks.map(retrieveStep)];
      const finished = replay(files, switches, [...boot1, finishStep]);
      if (finished.last.result === 'ok') {
        visit([...boot1, finishStep], classBits(finished.state, 'ok'));
      } else {
        const run = [...boot1, finishStep, closeStep];
        visit(run, classBits(replay(files, switches, run).state, finished.last.result));
      }
      const closed = [...boot1, closeStep];
      visit(closed, classBits(replay(files, switches, closed).state));
    }
  }
}

/** Counts of every class by brute force. */
export function naiveCounts(files: readonly FileSpec[], switches: Switches) {
  const classes = Object.fromEntries(CLASSES.map((c) => [c, 0n])) as Record<RunClass, bigint>;
  let runs = 0n;
  forEachRun(files, switches, (_steps, bits) => {
    runs += 1n;
    for (const c of CLASSES) {
      if (hasClass(bits, c)) classes[c] += 1n;
    }
  });
  return { runs, classes };
}
