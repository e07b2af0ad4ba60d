import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayText } from '../index';
import { conform, readRun } from './index';
import { stageOutputs } from './testing';

const replayed = replayText(
  readFileSync(join(__dirname, '..', '..', '..', 'vectors', 'tv-06-a-orphan.json'), 'utf8'),
);
if (!replayed.ok) throw new Error(replayed.error);
const { doc, result } = replayed;
const predicted = result.steps.map((r) => r.result as string);
const [stage1, stage2] = stageOutputs(doc, result, predicted) as [string, string];

const read = (...texts: string[]) =>
  readRun(
    doc,
    result,
    texts.map((text, i) => ({ name: `run${i + 1}.txt`, text })),
  );
const edit = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('readRun accepts', () => {
  it('both stages in one file, in any order, with console noise around them', () => {
    const noisy = `root@vm:~# ./repro\n[   12.3] kexec_core: Starting new kernel\n${stage2}\r\nlogin:\n${stage1}`;
    const r = read(noisy);
    expect(r.ok && conform(doc, result, r.run).counts).toEqual({
      agree: 8,
      disagree: 0,
      skipped: 0,
      missing: 0,
    });
  });

  it('a missing stage: its steps are not run, and the stage is named', () => {
    const r = read(stage1);
    if (!r.ok) throw new Error(r.error);
    const report = conform(doc, result, r.run);
    expect(report.missingStages).toEqual([2]);
    expect(r.run.results[4]).toEqual({
      kind: 'absent',
      why: 'not run: no output of stage 2 among the inputs',
    });
    // The kexec of step 4 is reported by the stage it boots.
    expect(report.steps[3]!.verdict).toBe('missing');
  });

  it('a stage given twice with the same results (noted)', () => {
    const r = read(stage1, stage2, stage2);
    expect(r.ok && r.run.notes).toEqual([
      'run3.txt:1: stage 2 given again (first at run2.txt:1), with the same results',
    ]);
  });

  it('flags a stage cut short, naming its last line; the steps after it are not run', () => {
    const cut = stage2.split('\n').slice(0, 13).join('\n');
    const r = read(stage1, cut);
    if (!r.ok) throw new Error(r.error);
    expect(r.run.notes).toEqual([
      'run2.txt:13: the output of stage 2 ends after step 5 of 8, without its "# Totals" line: cut short, or the program stopped at step 6',
    ]);
    expect(conform(doc, result, r.run).steps[5]).toMatchObject({
      verdict: 'missing',
      kernel: { why: 'no line: the output of stage 2 ends after step 5 (run2.txt:13)' },
    });
  });

  it('flags a stage cut inside its header; refuses when nothing else is left', () => {
    const header = stage2.split('\n').slice(0, 4).join('\n');
    const r = read(stage1, header);
    expect(r.ok && r.run.notes).toEqual([
      "run2.txt:1: a stage's output without a plan or result line: cut short",
    ]);
    expect(read(header)).toEqual({
      ok: false,
      error: 'run1.txt:1: no stage output with a plan or result line',
    });
  });
});

describe('readRun refuses, naming the line', () => {
  it.each<[string, () => string[], string]>([
    [
      'nothing of a reproducer',
      () => ['hello\n'],
      'run1.txt: no reproducer output in it (no "TAP version 13" line)',
    ],
    [
      "another trace's hash",
      () => [
        edit(stage1, `sha256:${stage1.match(/sha256:(\w+)/)![1]}`, `sha256:${'ab'.repeat(32)}`),
      ],
      'run1.txt:8: this output is of another trace (sha256:abababababababab..., 8 steps); the trace given is sha256:b0a6fdab01e23a2f... (8 steps)',
    ],
    [
      'the output of the same steps under another variant',
      () => [
        edit(stage1.replace(/sha256:\w+/, `sha256:${'cd'.repeat(32)}`), 'variant A,', 'variant B,'),
      ],
      'run1.txt:8: this output is of another trace (sha256:cdcdcdcdcdcdcdcd..., 8 steps); the trace given is sha256:b0a6fdab01e23a2f... (8 steps); the output expects variant B, the trace is under A',
    ],
    [
      'a stage given twice with different results',
      () => [
        stage1,
        stage2,
        edit(
          stage2,
          'ok 6 - RETRIEVE_FD(S1, token=2) = 0',
          'not ok 6 - RETRIEVE_FD(S1, token=2) = -EAGAIN, luoscope expected 0: MISMATCH',
        ),
      ],
      'run3.txt:14: step 6 given twice with different results: EAGAIN here, ok at run2.txt:14',
    ],
    [
      'a cut line',
      () => [edit(stage1, 'ok 3 - PRESERVE_FD(S, g, token=2) = 0', 'ok 3 - PRESERVE_FD(S, g, tok')],
      'run1.txt:11: garbled line: step 3 of this trace is PRESERVE_FD(S, g, token=2)',
    ],
    [
      'a line cut before its number',
      () => [edit(stage1, 'ok 3 - PRESERVE_FD(S, g, token=2) = 0', 'ok ')],
      'run1.txt:11: garbled or cut line: a result line without "ok N - CALL"',
    ],
    [
      'a result that is not one',
      () => [
        edit(
          stage1,
          'ok 3 - PRESERVE_FD(S, g, token=2) = 0',
          'ok 3 - PRESERVE_FD(S, g, token=2) = -EWHAT',
        ),
      ],
      'run1.txt:11: garbled line: "-EWHAT" is not a result',
    ],
    [
      'a missing line',
      () => [edit(stage1, 'ok 3 - PRESERVE_FD(S, g, token=2) = 0\n', '')],
      'run1.txt:11: step 4 follows step 2: the line of step 3 is missing or garbled',
    ],
    [
      'a repeated line',
      () => [
        edit(
          stage1,
          'ok 3 - PRESERVE_FD(S, g, token=2) = 0\n',
          'ok 3 - PRESERVE_FD(S, g, token=2) = 0\nok 3 - PRESERVE_FD(S, g, token=2) = 0\n',
        ),
      ],
      'run1.txt:12: step 3 after step 3: lines out of order or repeated',
    ],
    [
      'results without the start of the stream',
      () => [stage1.split('\n').slice(8).join('\n')],
      'run1.txt:1: a result line before any "TAP version 13" line: the start of the stage\'s output is missing',
    ],
    [
      'a stream without its trace line',
      () => [stage1.replace(/^# trace: .*\n/m, '')],
      'run1.txt:7: no "# trace: sha256:..." line before it: not a luoscope reproducer\'s output, or its first lines are missing',
    ],
    [
      'a garbled hash',
      () => [stage1.replace(/^# trace: sha256:(\w+)$/m, '# trace: sha256:$1zz')],
      'run1.txt:8: garbled trace hash',
    ],
    [
      'a wrong plan',
      () => [edit(stage1, '1..8', '1..7')],
      'run1.txt:8: garbled plan: 1..7, but the output names 8 steps',
    ],
    [
      "a result in the wrong stage's output",
      () => [
        edit(
          stage1,
          'ok 5 - RETRIEVE_SESSION("s") -> S1 # SKIP in stage 2',
          'ok 5 - RETRIEVE_SESSION("s") -> S1 = 0',
        ),
      ],
      'run1.txt:13: garbled line: step 5 is run by stage 2, but this is the output of stage 1',
    ],
    [
      'totals too early',
      () => [edit(stage2, 'ok 8 - RETRIEVE_FD(S1, token=1) = -ENOENT\n', '')],
      'run1.txt:16: "# Totals" after step 7: the lines of steps 8 to 8 are missing',
    ],
  ])('%s', (_, texts, error) => {
    const r = read(...texts());
    expect(r.ok ? 'accepted' : r.error.startsWith(error) ? error : r.error).toBe(error);
  });
});
