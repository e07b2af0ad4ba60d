import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeLink, replayText } from '../trace';
import { stageOutputs } from '../trace/conform/testing';
import { runCli } from './testing';
import { readTextStream } from './io';

const VECTOR = join(__dirname, '..', '..', 'vectors', 'tv-06-a-orphan.json');
const dir = mkdtempSync(join(tmpdir(), 'luoscope-cli-conform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const replayed = replayText(readFileSync(VECTOR, 'utf8'));
if (!replayed.ok) throw new Error(replayed.error);
const { doc, result } = replayed;
const predicted = result.steps.map((r) => r.result as string);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = runCli;

describe('luoscope conform', () => {
  it('exit 0: both stages, from two files in reverse order, all agree', async () => {
    const [s1, s2] = stageOutputs(doc, result, predicted);
    const r = await run('conform', VECTOR, write('s2.txt', s2!), write('s1.txt', s1!));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Summary: 0 disagree, 8 agree, 0 not run\n');
    expect(r.stdout).toContain('     6  0                   0\n        RETRIEVE_FD(S1, token=2)\n');
  });

  it('exit 1: one step disagrees, marked first; --json holds the verdicts', async () => {
    const kernel = [...predicted];
    kernel[5] = 'EAGAIN';
    const path = write('bad.txt', stageOutputs(doc, result, kernel).join(''));
    const r = await run('conform', VECTOR, path);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('     6  0                   -EAGAIN <- first disagreement\n');
    const json = await run('conform', VECTOR, path, '--json');
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.format).toBe('luoscope/conform@1');
    expect(parsed.firstDisagreement).toBe(5);
    expect(parsed.steps[5]).toMatchObject({ predicted: 'ok', verdict: 'disagree' });
  });

  it('exit 2: refused with the input line named; usage errors', async () => {
    const other = write(
      'other.txt',
      stageOutputs(doc, result, predicted)[0]!.replace(/sha256:\w+/, `sha256:${'0'.repeat(64)}`),
    );
    const r = await run('conform', VECTOR, other);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^luoscope: ${other}:8: this output is of another trace`));
    expect((await run('conform', VECTOR)).stderr).toBe(
      'luoscope: conform needs FILE and at least one RUN (the output of the reproducer) (usage: luoscope replay|explore|conform FILE [--json])\n',
    );
    const missing = join(dir, 'nope.txt');
    expect((await run('conform', VECTOR, missing)).stderr).toBe(
      `luoscope: ${missing}: cannot read: no such file\n`,
    );
  });

  it('replay --format text --run: the mail text carries the table, the link the run', async () => {
    const kernel = [...predicted];
    kernel[5] = 'EAGAIN';
    const path = write('mail-run.txt', stageOutputs(doc, result, kernel).join(''));
    const r = await run(
      'replay',
      VECTOR,
      '--format',
      'text',
      '--base-url',
      'https://luoscope.example.org/',
      '--run',
      path,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  step  luoscope predicted  6.18.0-luo returned\n');
    expect(r.stdout).toContain('     6  0                   -EAGAIN <- first disagreement\n');
    const link = r.stdout.trimEnd().split('\n').at(-1)!;
    const decoded = decodeLink(new URL(link).hash.slice('#trace='.length));
    expect(decoded.ok && decoded.run?.results[5]).toMatchObject({
      kind: 'returned',
      result: 'EAGAIN',
    });
    for (const line of r.stdout.trimEnd().split('\n').slice(0, -1)) {
      expect(line.length, line).toBeLessThanOrEqual(72);
    }
    expect((await run('replay', VECTOR, '--run', path)).stderr).toBe(
      'luoscope: --run is for replay --format text (or: luoscope conform FILE RUN...) (usage: luoscope replay|explore|conform FILE [--json])\n',
    );
  });

  it('- reads standard input', async () => {
    const text = stageOutputs(doc, result, predicted).join('');
    expect(await readTextStream(Readable.from([Buffer.from(text)]))).toEqual({ ok: true, text });
    const big = await readTextStream(Readable.from([Buffer.alloc(16 * 1024 * 1024 + 1)]));
    expect(big.ok).toBe(false);
  });
});
