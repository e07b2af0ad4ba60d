/**
 * The naive enumerator: lists every run (runs.ts) and replays each one from scratch. It is
 * the reference the explorer is tested and benchmarked against, not something to run on
 * large scenarios.
 */
import type { FileSpec, LuoState, Step, Switches, Token } from '../engine';
import { createState, step } from '../engine';
import type { RunClass } from './runs';
import { runEndings } from './endings';
import type { RunShape } from './shape';
import { preparationOf, shapePreserve, shapeRetrieve, shapeSet, shapeSteps } from './shape';
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
  rebootFailedBits,
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
    const tokens = (rebooted.state.incoming.at(0)?.files ?? []).map((f) => f.token as Token);
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

/**
 * Every run of any shape (shape.ts), by depth-first search over concrete states: no memo and
 * no classes of files, so it is the reference for the exact explorer on small scenarios.
 */
export function forEachShapedRun(
  files: readonly FileSpec[],
  switches: Switches,
  shape: RunShape,
  visit: (steps: Step[], bits: number) => void,
) {
  const { creates, retrieveSessions } = shapeSteps(shape);
  const prep = files.map((f) => (shape.setSteps ? preparationOf(f) : []));
  const boot1 = (state: LuoState, left: readonly boolean[], steps: Step[]) => {
    files.forEach((_, i) => {
      if (!left[i]) return;
      const s = shapeRetrieve(shape, state, i)!;
      boot1(
        step(state, s).state,
        left.map((l, k) => l && k !== i),
        [...steps, s],
      );
    });
    for (const e of runEndings(shape, state)) visit([...steps, ...e.steps], e.bits);
  };
  const boot0 = (state: LuoState, left: readonly (readonly number[])[], steps: Step[]) => {
    files.forEach((_, i) => {
      const moves = left[i]!;
      const rest = (m: number) => left.map((l, k) => (k === i ? l.filter((x) => x !== m) : l));
      if (moves.includes(-1)) {
        for (let j = 0; j < shape.sessions; j++) {
          const s = shapePreserve(shape, files, i, j);
          boot0(step(state, s).state, rest(-1), [...steps, s]);
        }
      }
      for (const p of moves) {
        if (p < 0) continue;
        const s = shapeSet(files, i, p);
        boot0(step(state, s).state, rest(p), [...steps, s]);
      }
    });
    const k = step(state, kexecStep);
    if (k.result.result !== 'ok') return visit([...steps, kexecStep], rebootFailedBits(k.state));
    let s = k.state;
    for (const r of retrieveSessions) s = step(s, r).state;
    const inSession = new Set(s.incoming.flatMap((x) => x.files.map((f) => f.token - 1)));
    boot1(
      s,
      files.map((_, i) => inSession.has(i)),
      [...steps, kexecStep, ...retrieveSessions],
    );
  };
  let start = createState(files, switches);
  for (const c of creates) start = step(start, c).state;
  boot0(
    start,
    prep.map((p) => [-1, ...p]),
    [...creates],
  );
}

/** Counts of every class of a shape by brute force. */
export function naiveShapedCounts(files: readonly FileSpec[], switches: Switches, shape: RunShape) {
  const classes = Object.fromEntries(CLASSES.map((c) => [c, 0n])) as Record<RunClass, bigint>;
  let runs = 0n;
  const shortest: Partial<Record<RunClass, number>> = {};
  forEachShapedRun(files, switches, shape, (steps, bits) => {
    runs += 1n;
    for (const c of CLASSES) {
      if (!hasClass(bits, c)) continue;
      classes[c] += 1n;
      shortest[c] = Math.min(shortest[c] ?? Infinity, steps.length);
    }
  });
  return { runs, classes, shortest };
}
