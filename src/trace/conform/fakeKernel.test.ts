/**
 * The reproducer's real output, stage by stage, on a fake /dev/liveupdate (an LD_PRELOAD
 * library, fake-kernel/fakeluo.c, that answers each LUO ioctl and the reboot from a list): the
 * importer reads what the program itself printed, on a kernel that agrees with luoscope and on
 * one that disagrees at one call.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRNO, errnoNumber } from '../../engine';
import type { Errno } from '../../engine';
import { vmFullWalkthrough } from '../fixtures';
import type { TraceDoc } from '../index';
import { exportC, replayText, replayTrace } from '../index';
import { conform, readRun, stageCount } from './index';

const ROOT = join(__dirname, '..', '..', '..');
const GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;
const PRELOAD = process.platform === 'linux' && GCC;
if (!PRELOAD) console.warn('gcc or LD_PRELOAD missing: the fake-kernel runs are skipped');
const withFake = PRELOAD ? it : it.skip;
const dir = mkdtempSync(join(tmpdir(), 'luoscope-fake-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LIBRARY = join(dir, 'fakeluo.so');

function gcc(...args: string[]) {
  const r = spawnSync('gcc', args, { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

/** The steps (0-based) whose call goes to the fake kernel, per stage, in the program's order. */
function kernelCalls(source: string): number[][] {
  return [...source.matchAll(/^static void stage_\d+\(void\)\n\{\n([^]*?)^\}$/gm)].map((m) =>
    [
      ...m[1]!.matchAll(
        /^\tret = luo_(?:create_session|retrieve_session|preserve_fd|retrieve_fd|finish|kexec)\(.*\n\tcheck(?:_hang)?\((\d+),|^\tkexec_into\((\d+),/gm,
      ),
    ].map((c) => Number(c[1] ?? c[2]) - 1),
  );
}

const number = (r: string) => (r === 'ok' ? 0 : errnoNumber(r as Errno));

/** Runs each stage as its own boot; stops after a kexec that fails, as the program does. */
function runStages(doc: TraceDoc, kernel: readonly string[]): string[] {
  const source = exportC(doc, replayTrace(doc));
  const path = join(dir, 'repro.c');
  writeFileSync(path, source);
  gcc('-Wall', '-Werror', '-O0', '-o', join(dir, 'repro'), path);
  const calls = kernelCalls(source);
  expect(calls).toHaveLength(stageCount(replayTrace(doc)));
  const outputs: string[] = [];
  for (const [k, steps] of calls.entries()) {
    const run = spawnSync(join(dir, 'repro'), [String(k + 1)], {
      encoding: 'utf8',
      env: {
        ...process.env,
        LD_PRELOAD: LIBRARY,
        LUO_RESULTS: steps.map((i) => number(kernel[i]!)).join(','),
      },
    });
    expect(run.stderr).toBe('');
    outputs.push(run.stdout);
    if (run.stdout.includes('Bail out!')) break;
  }
  return outputs;
}

const report = (doc: TraceDoc, outputs: string[]) => {
  const result = replayTrace(doc);
  const read = readRun(
    doc,
    result,
    outputs.map((text, i) => ({ name: `boot${i}.txt`, text })),
  );
  if (!read.ok) throw new Error(read.error);
  return conform(doc, result, read.run);
};

const vector = (name: string) => {
  const r = replayText(readFileSync(join(ROOT, 'vectors', name), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

describe('the reproducer on a fake /dev/liveupdate', () => {
  beforeAll(() => {
    if (!PRELOAD) return;
    const source = join(__dirname, 'fake-kernel', 'fakeluo.c');
    gcc('-Wall', '-Werror', '-shared', '-fPIC', '-o', LIBRARY, source, '-ldl');
  });

  withFake('agrees where the fake kernel answers as luoscope, disagrees once where not', () => {
    gcc(
      '-Wall',
      '-Werror',
      '-shared',
      '-fPIC',
      '-o',
      LIBRARY,
      join(__dirname, 'fake-kernel', 'fakeluo.c'),
      '-ldl',
    );
    const docs = [
      vector('tv-06-a-orphan.json'),
      vector('tv-08-b-strict-restore-order.json'),
      vector('tv-10-d-finish-refuses-orphan-freeze.json'),
      vmFullWalkthrough(),
    ];
    for (const doc of docs) {
      const result = replayTrace(doc);
      const predicted = result.steps.map((r) => r.result as string);
      const calls = kernelCalls(exportC(doc, result)).flat();
      const good = report(doc, runStages(doc, predicted).reverse());
      expect(good.run.ran.map((r) => r.uname)).toEqual(
        Array(stageCount(result)).fill('6.18.0-fake'),
      );
      expect(good.counts.disagree).toBe(0);
      expect(good.run.notes).toEqual([]);
      for (const i of calls) expect(good.steps[i]!.verdict, `step ${i + 1}`).toBe('agree');
      // The last call answered with another errno.
      const k = calls.at(-1)!;
      const errno = predicted[k] === 'EPERM' ? 'EIO' : 'EPERM';
      expect(ERRNO[errno]).toBeGreaterThan(0);
      const bad = report(
        doc,
        runStages(
          doc,
          predicted.map((p, i) => (i === k ? errno : p)),
        ),
      );
      expect(bad.steps.filter((s) => s.verdict === 'disagree').map((s) => s.index)).toEqual([k]);
    }
  });

  withFake('a kexec that fails: Bail out!, the next stage is not run and says why', () => {
    const doc = vector('tv-06-a-orphan.json');
    const predicted = replayTrace(doc).steps.map((r) => r.result as string);
    const outputs = runStages(
      doc,
      predicted.map((p, i) => (i === 3 ? 'EBUSY' : p)),
    );
    expect(outputs).toHaveLength(1);
    const r = report(doc, outputs);
    expect(r.firstDisagreement).toBe(3);
    expect(r.steps[3]!.kernel).toMatchObject({ kind: 'returned', result: 'EBUSY' });
    expect(r.missingStages).toEqual([2]);
    expect(r.steps[4]!.kernel).toEqual({
      kind: 'absent',
      why: 'not run: the kexec at step 4 returned EBUSY (boot0.txt:20)',
    });
  });
});
