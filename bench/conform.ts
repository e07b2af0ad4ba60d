/**
 * Kernel-run benchmark (issue 11): on large traces (cycles of 128 memfds preserved into a
 * session, kexec, each retrieved, FINISH), the time to hash the trace, write the C reproducer, read
 * both stages' TAP back and compare it step by step. Numbers only: nothing passes or fails.
 *
 *   npx tsx bench/conform.ts
 */
import { validateTrace, replayTrace, exportC, serializeTrace } from '../src/trace';
import { conform, readRun, traceHash } from '../src/trace/conform';
import { stageOutputs } from '../src/trace/conform/testing';

/** `cycles` times: a session, 128 memfds preserved, kexec, each retrieved, FINISH. */
function bigTrace(cycles: number) {
  const n = 128;
  const files = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, type: 'memfd' }));
  const steps: Record<string, unknown>[] = [];
  for (let c = 0; c < cycles; c++) {
    steps.push({ op: 'createSession', name: `vmm${c}`, as: `S${c}` });
    for (let i = 0; i < n; i++) {
      steps.push({ op: 'preserve', session: `S${c}`, file: `m${i}`, token: i + 1 });
    }
    steps.push({ op: 'kexec' }, { op: 'retrieveSession', name: `vmm${c}`, as: `R${c}` });
    for (let i = 0; i < n; i++) steps.push({ op: 'retrieve', session: `R${c}`, token: i + 1 });
    steps.push({ op: 'finish', session: `R${c}` });
  }
  const parsed = validateTrace({ format: 'luoscope/trace@1', variant: 'A', files, steps });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

console.log(`conform: node ${process.version} (the first line includes JIT warm-up)`);
for (const cycles of [1, 1, 8, 36]) {
  const doc = bigTrace(cycles);
  const result = replayTrace(doc);
  const bytes = serializeTrace(doc).length;
  const [, hash] = time(() => traceHash(doc));
  const [source, c] = time(() => exportC(doc, result));
  const kernel = result.steps.map((r) => r.result as string);
  kernel[kernel.length - 2] = 'EIO';
  const outputs = stageOutputs(doc, result, kernel);
  const text = outputs.join('');
  const [read, parse] = time(() => readRun(doc, result, [{ name: 'run', text }]));
  if (!read.ok) throw new Error(read.error);
  const [report, compare] = time(() => conform(doc, result, read.run));
  console.log(
    `  ${doc.steps.length} steps (${bytes} B trace, ${source.length} B of C, ${text.length} B of TAP): ` +
      `hash ${hash.toFixed(1)} ms, C ${c.toFixed(1)} ms, read ${parse.toFixed(1)} ms, ` +
      `compare ${compare.toFixed(1)} ms; ${outputs.length} stages, first disagreement at step ` +
      `${report.firstDisagreement! + 1}`,
  );
}
