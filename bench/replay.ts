/**
 * Replay benchmark (issue "kernel trees", item 5): steps per second for documents of 1,000 to
 * 100,000 steps, in two shapes that the kernel's stress selftests use:
 * - `sessions`: N sessions created, kexec, each retrieved and finished (3N+1 steps, as
 *   luo_stress_sessions);
 * - `files`: up to 4,096 memfds preserved in one session, kexec, each retrieved, FINISH
 *   (as luo_stress_files), repeated over several live updates to reach the step count.
 * It times `replayText` (parse, validate and replay: what `luoscope replay` does) in this
 * process, after one warm-up run. A benchmark: it prints figures, it does not judge them.
 *
 *   npm run bench:replay
 */
import { replayText } from '../src/trace/replay';

function sessionsDoc(steps: number): string {
  const n = Math.max(1, Math.floor((steps - 1) / 3));
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push({ op: 'createSession', name: `s${i}` });
  out.push({ op: 'kexec' });
  for (let i = 0; i < n; i++) {
    out.push({ op: 'retrieveSession', name: `s${i}`, as: `in${i}` });
    out.push({ op: 'finish', session: `in${i}` });
  }
  return JSON.stringify({
    format: 'luoscope/trace@1',
    kernel: 'v7.3',
    variant: 'A',
    files: [],
    steps: out,
  });
}

function filesDoc(steps: number): string {
  const files = Array.from({ length: 4096 }, (_, i) => ({ id: `m${i}`, type: 'memfd' }));
  const out: unknown[] = [];
  let boot = 0;
  while (out.length < steps) {
    const per = Math.min(4096, Math.floor((steps - out.length - 4) / 2));
    if (per < 1) break;
    out.push({ op: 'createSession', name: `s${boot}` });
    // Each live update preserves files created in its own boot: a file of boot 0 is gone after
    // its session is finished and the kexec after it.
    for (let i = 0; i < per; i++)
      out.push({ op: 'preserve', session: `s${boot}`, file: `m${i}`, token: i + 1 });
    out.push({ op: 'kexec' });
    out.push({ op: 'retrieveSession', name: `s${boot}`, as: `in${boot}` });
    for (let i = 0; i < per; i++) out.push({ op: 'retrieve', session: `in${boot}`, token: i + 1 });
    out.push({ op: 'finish', session: `in${boot}` });
    boot++;
  }
  return JSON.stringify({
    format: 'luoscope/trace@1',
    kernel: 'v7.3',
    variant: 'A',
    files,
    steps: out,
  });
}

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
