/**
 * The golden replay files (issue "kernel trees", item 3): the `replay --json` output of every
 * vector and of a fixed set of random documents, committed so that no change of the engine
 * alters how an old document replays without a named model correction.
 *
 *   npx tsx scripts/golden.ts             rewrite golden/replay.jsonl and golden/corrections.json
 *                                         from golden/documents.jsonl
 *
 * golden/replay-0.1.jsonl is frozen: the replays of luoscope 0.1, before any model correction.
 * The engine with every correction left out must still give it byte for byte.
 *   npx tsx scripts/golden.ts --documents  (once) draw the random documents anew (seed 20261201)
 *
 * golden/documents.jsonl holds the documents themselves, one per line, so that a later change
 * of the random generators never changes the set. A change to golden/replay.jsonl is a change
 * to a public promise: its commit names the correction that makes it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FIXED_FILES, fixedScenarioTraceArb, traceJsonArb } from '../src/trace/arbitraries';
import { CORRECTION_IDS } from '../src/engine';
import { GOLDEN_DIR, documentsByCorrection, goldenLine } from '../src/trace/golden';

const SEED = 20261201;
const RANDOM = 150;
const LIFECYCLES = 200;

/** mulberry32: a small seeded generator, so the drawn documents are the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A whole live update over FIXED_FILES (plus a second VM pair): sessions created, a random
 * subset preserved in a random order, property changes, kexec (retried after a failure),
 * sessions retrieved, tokens retrieved in a random order, a file of the new boot preserved
 * again, FINISH or close, sometimes a second kexec. These reach the paths that random steps
 * rarely do (implicit retrieval, cycles, rollback, can_finish).
 */
function lifecycle(rand: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const files = [
    ...FIXED_FILES,
    { id: 'vm2', type: 'kvm-vm' },
    { id: 'g2', type: 'guest_memfd', deps: ['vm2'] },
    { id: 'd2', type: 'vfio-pci' },
  ];
  const ids = files.filter((f) => (f as { boot?: number }).boot === undefined).map((f) => f.id);
  const steps: Record<string, unknown>[] = [];
  const handles = rand() < 0.5 ? ['S'] : ['S', 'T'];
  handles.forEach((h) => steps.push({ op: 'createSession', name: h.toLowerCase(), as: h }));
  const chosen = shuffle(ids).filter(() => rand() < 0.7);
  const tokens = new Map<string, number>();
  chosen.forEach((id, i) => {
    tokens.set(id, i + 1);
    steps.push({ op: 'preserve', session: pick(handles), file: id, token: i + 1 });
  });
  if (rand() < 0.3) steps.push({ op: 'set', file: 'd', prop: 'irqsEnabled', value: false });
  if (rand() < 0.2) steps.push({ op: 'set', file: 'y', prop: 'freezeError', value: 'EIO' });
  if (rand() < 0.2) steps.push({ op: 'closeSession', session: pick(handles) });
  steps.push({ op: 'kexec' });
  if (rand() < 0.5) {
    steps.push({ op: 'set', file: 'd', prop: 'irqsEnabled', value: false });
    steps.push({ op: 'set', file: 'y', prop: 'freezeError', value: null });
    steps.push({ op: 'preserve', session: 'S', file: 'vm', token: 90 });
    steps.push({ op: 'kexec' });
  }
  const incoming = handles.map((h) => `${h}1`);
  handles.forEach((h) => steps.push({ op: 'retrieveSession', name: h.toLowerCase(), as: `${h}1` }));
  const wanted = shuffle([...tokens.values(), 90, 99]).filter(() => rand() < 0.6);
  for (const token of wanted) {
    steps.push({ op: 'retrieve', session: pick(incoming), token });
    if (rand() < 0.1) steps.push({ op: 'retrieve', session: pick(incoming), token });
  }
  if (rand() < 0.3) {
    steps.push({ op: 'createSession', name: 'next', as: 'N' });
    steps.push({ op: 'preserve', session: 'N', file: pick(ids), token: 1 });
    steps.push({ op: 'preserve', session: 'N', file: 'm2', token: 2 });
  }
  if (rand() < 0.3) steps.push({ op: 'set', file: pick(['d', 'd2']), prop: 'bound', value: true });
  if (rand() < 0.2) steps.push({ op: 'set', file: 'm', prop: 'sealed', value: true });
  for (const h of shuffle(incoming)) {
    steps.push(rand() < 0.7 ? { op: 'finish', session: h } : { op: 'closeSession', session: h });
  }
  if (rand() < 0.3) {
    steps.push({ op: 'kexec' });
    steps.push({ op: 'retrieveSession', name: 'next', as: 'N1' });
    steps.push({ op: 'retrieve', session: 'N1', token: 1 });
    steps.push({ op: 'finish', session: 'N1' });
  }
  const doc: Record<string, unknown> = {
    format: 'luoscope/trace@1',
    variant: pick(['A', 'B', 'C', 'D']),
  };
  if (rand() < 0.3) {
    doc.switches = pick([
      { stickyRetrieveErrors: 'all' },
      { stickyRetrieveErrors: false },
      { vfioFinishRequiresBind: true },
      { depLookupPhase: 'preserve' },
      { sessionDirectionCheck: false },
      { strictErrno: 'ENOENT', incomingDepPolicy: 'strict' },
    ]);
  }
  doc.files = files;
  doc.steps = steps;
  return doc;
}

function drawDocuments(): string[] {
  const vectors = readdirSync('vectors')
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: `vectors/${f}`,
      trace: JSON.parse(readFileSync(join('vectors', f), 'utf8')),
    }));
  const any = fc.sample(traceJsonArb({ maxFiles: 8, maxSteps: 24 }), {
    seed: SEED,
    numRuns: RANDOM,
  });
  const fixed = fc.sample(fixedScenarioTraceArb(40), { seed: SEED + 1, numRuns: RANDOM });
  const rand = prng(SEED + 2);
  const lives = Array.from({ length: LIFECYCLES }, () => lifecycle(rand));
  return [
    ...vectors,
    ...lives.map((trace, i) => ({ name: `random/lifecycle-${String(i).padStart(3, '0')}`, trace })),
    ...any.map((trace, i) => ({ name: `random/any-${String(i).padStart(3, '0')}`, trace })),
    ...fixed.map((trace, i) => ({ name: `random/fixed-${String(i).padStart(3, '0')}`, trace })),
  ].map((d) => JSON.stringify(d));
}

const docsFile = join(GOLDEN_DIR, 'documents.jsonl');
if (process.argv.includes('--documents'))
  writeFileSync(docsFile, drawDocuments().join('\n') + '\n');
const lines = readFileSync(docsFile, 'utf8').trimEnd().split('\n');
const current = lines.map((l) => goldenLine(l));
writeFileSync(join(GOLDEN_DIR, 'replay.jsonl'), current.join('\n') + '\n');
const byCorrection = documentsByCorrection(lines, current);
writeFileSync(join(GOLDEN_DIR, 'corrections.json'), JSON.stringify(byCorrection, null, 2) + '\n');
console.log(`golden: ${lines.length} documents replayed into ${GOLDEN_DIR}/replay.jsonl`);
for (const id of CORRECTION_IDS)
  console.log(`  ${id} changes ${byCorrection[id].length} documents`);
