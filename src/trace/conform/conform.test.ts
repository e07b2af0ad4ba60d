import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ERRNO_NAMES } from '../../engine';
import { fixedScenarioTraceArb, traceJsonArb } from '../arbitraries';
import { vmFullWalkthrough } from '../fixtures';
import type { TraceDoc } from '../index';
import { exportC, replayText, replayTrace, validateTrace } from '../index';
import { conform, conformLines, kernelText, readRun } from './index';
import type { RunInput } from './index';
import { calledSteps, stageOutputs } from './testing';

const VECTORS = join(__dirname, '..', '..', '..', 'vectors');
const GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;
if (!GCC) console.warn('gcc not found: the reproducer run on this machine is skipped');
const withGcc = GCC ? it : it.skip;
const dir = mkdtempSync(join(tmpdir(), 'luoscope-conform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function valid(json: unknown): TraceDoc {
  const parsed = validateTrace(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

const inputs = (texts: readonly string[]): RunInput[] =>
  texts.map((text, i) => ({ name: `run-${i + 1}.txt`, text }));

function report(doc: TraceDoc, texts: readonly string[]) {
  const result = replayTrace(doc);
  const read = readRun(doc, result, inputs(texts));
  if (!read.ok) throw new Error(read.error);
  return conform(doc, result, read.run);
}

describe('the reproducer run on this machine (no /dev/liveupdate)', () => {
  withGcc('builds for several vectors; every stage skips; the import says so per step', () => {
    const names = [
      'tv-06-a-orphan.json',
      'tv-08-b-strict-restore-order.json',
      'tv-10-d-finish-refuses-orphan-freeze.json',
      'tv-16-iommufd-vfio-chain.json',
    ];
    for (const name of names) {
      const replayed = replayText(readFileSync(join(VECTORS, name), 'utf8'));
      if (!replayed.ok) throw new Error(replayed.error);
      const { doc, result } = replayed;
      const source = join(dir, name.replace(/json$/, 'c'));
      const binary = source.replace(/\.c$/, '');
      writeFileSync(source, exportC(doc, result));
      const build = spawnSync('gcc', ['-Wall', '-Werror', '-O2', '-o', binary, source], {
        encoding: 'utf8',
      });
      expect(build.stderr, name).toBe('');
      const run = spawnSync(binary, [], { encoding: 'utf8' });
      expect(run.status, name).toBe(4);
      const uname = spawnSync('uname', ['-r'], { encoding: 'utf8' }).stdout.trim();
      const r = report(doc, [run.stdout]);
      expect(r.steps).toHaveLength(doc.steps.length);
      for (const s of r.steps) {
        expect(kernelText(s), `${name} step ${s.index + 1}`).toBe(
          'not run, skipped: no /dev/liveupdate',
        );
        expect(s.verdict).toBe('skipped');
      }
      expect(r.counts).toEqual({ agree: 0, disagree: 0, skipped: doc.steps.length, missing: 0 });
      expect(r.run.ran).toEqual([]);
      expect(r.run.skippedOn).toEqual([uname]);
      expect(r.run.notes).toEqual([]);
    }
  });
});

/** A random errno other than `not`. */
const otherErrno = (not: string) => fc.constantFrom(...ERRNO_NAMES.filter((e) => e !== not));

describe('property: the TAP of an agreeing kernel, then of one that disagrees once', () => {
  const property = (json: Record<string, unknown>, pick: number, seed: number) => {
    const doc = valid(json);
    const result = replayTrace(doc);
    const predicted = result.steps.map((r) => r.result as string);
    const agreeing = stageOutputs(doc, result, predicted);
    // Any order, split over several inputs.
    const shuffled = fc.sample(fc.shuffledSubarray(agreeing, { minLength: agreeing.length }), {
      numRuns: 1,
      seed,
    })[0]!;
    const good = report(doc, shuffled);
    expect(good.counts.disagree).toBe(0);
    expect(good.counts.missing).toBe(0);
    expect(good.missingStages).toEqual([]);
    expect(good.run.notes).toEqual([]);
    const called = calledSteps(doc, result);
    for (const i of called) expect(good.steps[i]!.verdict, `step ${i + 1}`).toBe('agree');
    if (called.length === 0) return;
    const k = called[pick % called.length]!;
    const errno = fc.sample(otherErrno(predicted[k]!), { numRuns: 1, seed })[0]!;
    const kernel = predicted.map((p, i) => (i === k ? errno : p));
    const bad = report(doc, stageOutputs(doc, result, kernel).reverse());
    const disagree = bad.steps.filter((s) => s.verdict === 'disagree').map((s) => s.index);
    expect(disagree).toEqual([k]);
    expect(bad.firstDisagreement).toBe(k);
    expect(bad.steps[k]!.kernel).toMatchObject({ kind: 'returned', result: errno });
    // A kexec that fails ends the run: the later steps are not run, everything else agrees.
    for (const i of called.filter((i) => i < k)) expect(bad.steps[i]!.verdict).toBe('agree');
  };

  it('finds exactly the step that disagrees and nothing else', () => {
    fc.assert(fc.property(traceJsonArb({ maxSteps: 30 }), fc.nat(), fc.nat(), property), {
      numRuns: 150,
    });
    fc.assert(fc.property(fixedScenarioTraceArb(30), fc.nat(), fc.nat(), property), {
      numRuns: 100,
    });
  });
});

describe('the report', () => {
  it('one disagreement in the vm-full walk-through: marked first, in 72 columns', () => {
    const doc = vmFullWalkthrough();
    const result = replayTrace(doc);
    const kernel = result.steps.map((r) => r.result as string);
    kernel[19] = 'EAGAIN';
    const r = report(doc, stageOutputs(doc, result, kernel, '6.18.0-luo'));
    const lines = conformLines(r, false);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(72);
    expect(lines[0]).toBe('Kernel run: 6.18.0-luo');
    expect(lines).toContain('  step  luoscope predicted  6.18.0-luo returned');
    expect(lines).toContain('    20  0                   -EAGAIN <- first disagreement');
    expect(lines).toContain('    23  -EBUSY              -EBUSY');
    expect(lines).toContain(
      '     6  0                   not run, skipped: this program never runs',
    );
    expect(lines.join('\n')).toContain('Summary: 1 disagree (first at step 20),');
  });
});
