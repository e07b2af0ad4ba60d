/** `luoscope trees` and `replay --kernel TREE`: the trees with sources; a document under another tree. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TREE_IDS } from '../engine';
import { runCli } from './testing';

const ROOT = join(__dirname, '..', '..');
const VECTOR = join(ROOT, 'vectors', 'tv-06-a-orphan.json');

const run = runCli;

describe('luoscope trees', () => {
  it('lists every tree with its date, handlers and sourced rules', async () => {
    const r = await run('trees');
    expect(r.status).toBe(0);
    for (const id of TREE_IDS)
      expect(r.stdout).toMatch(new RegExp(`^${id.replace('.', '\\.')}  `, 'm'));
    expect(r.stdout).toContain('handlers: memfd, generic');
    expect(r.stdout).toContain(
      'soleen/linux tools/testing/selftests/liveupdate/liveupdate.c @4a80ff2',
    );
  });

  it('--json: luoscope/trees@1', async () => {
    const r = await run('trees', '--json');
    const json = JSON.parse(r.stdout) as { format: string; trees: { id: string }[] };
    expect(json.format).toBe('luoscope/trees@1');
    expect(json.trees.map((t) => t.id)).toEqual([...TREE_IDS]);
  });

  it('takes no FILE', async () => {
    expect((await run('trees', 'x.json')).stderr).toMatch(/^luoscope: trees takes no FILE/);
  });
});

describe('replay --kernel TREE', () => {
  it('runs the document under another tree: v7.3 has no KVM handler (exit 1: expects fail)', async () => {
    const r = await run('replay', VECTOR, '--kernel', 'v7.3', '--json');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as { kernel: string; steps: { result: string }[] };
    expect(json.kernel).toBe('v7.3');
    expect(json.steps[1]!.result).toBe('ENOENT');
  });

  it('an unknown tree is a usage error naming the trees', async () => {
    const r = await run('replay', VECTOR, '--kernel', 'v9');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--kernel needs a kernel tree: 2026-06, v7.3, posted-2026-09');
  });

  it('the report names the correction beside a mismatch it caused', async () => {
    const r = await run('replay', join(ROOT, 'src', 'cli', 'testdata', 'cycle-before-c1.json'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('step 5 expected ok, got hang (correction C1)');
    expect(r.stdout).toMatch(/correction C1 \(luoscope 0\.2\.0\): a dependency cycle/);
  });
});

describe('explore --kernel TREE, and the classes of the corrections', () => {
  it('the cycle under C: how many orderings hang is a number (correction C1)', async () => {
    const r = await run(
      'explore',
      join(ROOT, 'src', 'cli', 'testdata', 'cycle-before-c1.json'),
      '--json',
    );
    const json = JSON.parse(r.stdout) as {
      kernel?: string;
      variants: Record<string, { classes: Record<string, string> }>;
    };
    expect(json.kernel).toBeUndefined();
    expect(Number(json.variants.C!.classes.hang)).toBeGreaterThan(0);
    expect(json.variants.A!.classes.hang).toBe('0');
  });

  it('under v7.3 no VM file preserves: every run of the seed vector is clean or loses data', async () => {
    const r = await run('explore', VECTOR, '--kernel', 'v7.3', '--variants', 'A', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      kernel: string;
      variants: Record<string, { classes: Record<string, string> }>;
    };
    expect(json.kernel).toBe('v7.3');
    expect(json.variants.A!.classes.orphanSilent).toBe('0');
  });
});
