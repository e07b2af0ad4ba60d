/**
 * Replay benchmark (issue "kernel trees", item 5): steps per second for documents of 1,000 to
 * 100,000 steps, in the two shapes of bench/docs.ts (the kernel's stress selftests).
 * It times `replayText` (parse, validate and replay: what `luoscope replay` does) in this
 * process, after one warm-up run. A benchmark: it prints figures, it does not judge them.
 *
 *   npm run bench:replay
 */
import { replayText } from '../src/trace/replay';
import { filesDoc, sessionsDoc } from './docs';

function time(text: string): { ms: number; steps: number } {
  const t0 = performance.now();
  const r = replayText(text);
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.error);
  return { ms, steps: r.result.steps.length };
}

console.log(`replay: parse + validate + replay, node ${process.version}`);
for (const [shape, make] of [
  ['sessions', sessionsDoc],
  ['files', filesDoc],
] as const) {
  for (const target of [1_000, 10_000, 30_000, 100_000]) {
    const text = make(target);
    time(text);
    const { ms, steps } = time(text);
    const rate = Math.round(steps / (ms / 1000));
    console.log(
      `  ${shape.padEnd(8)} ${String(steps).padStart(6)} steps  ${(text.length / 1024).toFixed(0).padStart(5)} KiB  ${ms.toFixed(0).padStart(6)} ms  ${rate.toLocaleString('en-US').padStart(9)} steps/s`,
    );
  }
}
