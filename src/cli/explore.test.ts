import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrace, replayTrace } from '../trace';
import type { TraceDoc } from '../trace';
import { runCli } from './testing';

const SEED = join(__dirname, '..', '..', 'vectors', 'tv-06-a-orphan.json');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luoscope-explore-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

describe('luoscope explore', () => {
  it('--json: luoscope/explore@1 with decimal-string counts for every variant', async () => {
    const r = await run('explore', SEED, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('luoscope/explore@1');
    expect(Object.keys(out.variants)).toEqual(['A', 'B', 'C', 'D']);
    expect(out.variants.A.runs).toBe('22');
    expect(out.variants.A.classes).toEqual({
      clean: '16',
      rebootFailed: '0',
      orphanSilent: '2',
      orphanDetected: '0',
      dataLoss: '4',
      finishRefused: '0',
    });
    expect(out.variants.B.classes.orphanSilent).toBe('0');
    expect(out.variants.B.witnesses.orphanSilent).toBeUndefined();
  });

  it('a witness is a list of trace steps that replays to its class', async () => {
    const out = JSON.parse((await run('explore', SEED, '--json', '--variants', 'A')).stdout);
    expect(Object.keys(out.variants)).toEqual(['A']);
    const steps = out.variants.A.witnesses.orphanSilent;
    const doc = {
      format: 'luoscope/trace@1',
      variant: 'A',
      files: [
        { id: 'vm', type: 'kvm-vm' },
        { id: 'g', type: 'guest_memfd', deps: ['vm'] },
      ],
      steps,
    };
    const parsed = parseTrace(JSON.stringify(doc));
    expect(parsed.ok).toBe(true);
    const result = replayTrace((parsed as { doc: TraceDoc }).doc);
    expect(result.outcome.orphans).toEqual([{ file: 'g', dependsOn: 'vm', detected: false }]);
  });

  it('text: a table of classes by variant, then the witnesses', async () => {
    const r = await run('explore', SEED, '--variants=B,D');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('class            B   D');
    expect(lines).toContain('orphanDetected   0   4');
    expect(lines).toContain('variant D: a shortest run per class');
  });

  it('refuses a bad variant list, a bad document and a scenario too large, with exit 2', async () => {
    const bad = await run('explore', SEED, '--variants', 'A,E');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown variant "E" in --variants');
    const path = join(dir, 'bad.json');
    writeFileSync(
      path,
      '{"format":"luoscope/trace@1","variant":"A","files":[{"id":"X","type":"memfd"}],"steps":[]}',
    );
    const doc = await run('explore', path);
    expect(doc.status).toBe(2);
    expect(doc.stdout).toBe('');
    expect(doc.stderr).toMatch(/^luoscope: .*bad\.json: files\[0\]\.id: /);
    const big = join(dir, 'big.json');
    const files = Array.from({ length: 17 }, (_, i) => ({ id: `m${i}`, type: 'memfd' }));
    writeFileSync(
      big,
      JSON.stringify({ format: 'luoscope/trace@1', variant: 'A', files, steps: [] }),
    );
    const large = await run('explore', big, '--max-states', '20');
    expect(large.status).toBe(2);
    expect(large.stderr).toContain('passed its budget of 20 states; try a smaller run shape');
    expect((await run('explore', big, '--variants', 'A', '--json')).status).toBe(0);
    expect((await run('explore', SEED, '--sessions', '4')).stderr).toContain(
      '--sessions: 4; a run creates 1 to 3 sessions',
    );
    expect((await run('replay', SEED, '--variants', 'A')).stderr).toContain(
      '--variants is for explore',
    );
  });
});
