import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../engine';
import { exportC, replayText } from '../index';
import type { ReplayResult } from '../index';
import { conform, kernelText, readRun } from './index';
import { stageOutputs } from './testing';

// The lead's model corrections add the results "hang" and "not reached" (TRACE-FORMAT): the
// reproducer and the importer handle them from the result strings alone.
const replayed = replayText(
  readFileSync(join(__dirname, '..', '..', '..', 'vectors', 'tv-06-a-orphan.json'), 'utf8'),
);
if (!replayed.ok) throw new Error(replayed.error);
const { doc } = replayed;
const result: ReplayResult = {
  ...replayed.result,
  steps: replayed.result.steps.map((r, i) => ({
    ...r,
    result: (i === 5 ? 'hang' : i > 5 ? 'not reached' : r.result) as Result,
  })),
};
const predicted = result.steps.map((r) => r.result as string);
const GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'luoscope-hang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a step luoscope says hangs, and the steps not reached after it', () => {
  const source = exportC(doc, result);

  it('the reproducer announces the hang, checks the call, and makes no later call', () => {
    expect(source).toContain(
      '\tprintf("# step 6: luoscope predicts that this call never returns\\n");\n\tret = luo_retrieve_fd(sess_S1, 2ULL);\n\tcheck_hang(6, "RETRIEVE_FD(S1, token=2)", ret);',
    );
    expect(source).toContain(
      '\tno_call(7, "FINISH(S1)", "not reached: luoscope predicts that step 6 never returns");',
    );
    if (!GCC) return;
    const path = join(dir, 'hang.c');
    writeFileSync(path, source);
    const r = spawnSync('gcc', ['-fsyntax-only', '-Wall', '-Werror', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });

  it('a kernel that hangs there agrees: no line after step 5, nothing flagged', () => {
    const read = readRun(doc, result, [
      { name: 'run.txt', text: stageOutputs(doc, result, predicted).join('') },
    ]);
    if (!read.ok) throw new Error(read.error);
    const report = conform(doc, result, read.run);
    expect(report.steps.map((s) => s.verdict)).toEqual(Array(8).fill('agree'));
    expect(kernelText(report.steps[5]!)).toBe('no return (no later line)');
    expect(kernelText(report.steps[6]!)).toBe('not reached');
    expect(read.run.notes).toEqual([]);
  });

  it('a kernel that returns disagrees there; the steps after it are skipped, not run', () => {
    const kernel = predicted.map((p, i) => (i === 5 ? 'ok' : p));
    const read = readRun(doc, result, [
      { name: 'run.txt', text: stageOutputs(doc, result, kernel).join('') },
    ]);
    if (!read.ok) throw new Error(read.error);
    const report = conform(doc, result, read.run);
    expect(report.firstDisagreement).toBe(5);
    expect(report.steps.slice(6).map((s) => kernelText(s))).toEqual([
      'not run, skipped: not reached: luoscope predicts that step 6 never returns',
      'not run, skipped: not reached: luoscope predicts that step 6 never returns',
    ]);
  });
});
