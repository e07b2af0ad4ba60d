/**
 * The package as a user gets it: `npm pack`, then the tarball installed into an empty folder
 * (offline: the package has no dependencies, so npm needs nothing but the tarball), then
 * `npx luoscope` run there on a vector, with Node alone (no tsx, no checkout).
 */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceJsonSchemaText } from '../trace/jsonSchema';
import { LUOSCOPE_VERSION } from '../trace';

const ROOT = join(__dirname, '..', '..');
const VECTOR = join(ROOT, 'vectors', 'tv-06-a-orphan.json');

let dir = '';
let app = '';
let files: string[] = [];

function sh(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luoscope-pack-'));
  const packed = sh('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  // `--json` prints the prepack script's output first, then the JSON array.
  const json = packed.stdout.slice(packed.stdout.indexOf('['));
  const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path).sort();
  app = join(dir, 'app');
  sh('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), '{ "name": "empty", "private": true }\n');
  const installed = sh(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', join(dir, info!.filename)],
    { cwd: app },
  );
  if (installed.status !== 0) throw new Error(`npm install failed: ${installed.stderr}`);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npx = (...args: string[]) =>
  sh('npx', ['--offline', 'luoscope', ...args], {
    cwd: app,
    env: { ...process.env, LUOSCOPE_BASE_URL: '' },
  });

describe('the packed CLI, installed into an empty folder', { timeout: 60_000 }, () => {
  it('holds the bin, the schema, the docs and the license, and nothing of the sources', () => {
    expect(files).toEqual([
      'CHANGELOG.md',
      'CONTRIBUTING.md',
      'LICENSE',
      'README.md',
      'docs/explore.md',
      'docs/guide.md',
      'docs/model.md',
      'docs/selftests.md',
      'docs/trace-format.md',
      'package.json',
      'pkg/luoscope.js',
      'pkg/schema/trace-1.json',
    ]);
  });

  it('has no dependencies: only luoscope itself was installed', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
    expect(Object.keys(lock.packages)).toEqual(['', 'node_modules/luoscope']);
  });

  it('luoscope --version and --help', () => {
    expect(npx('--version')).toEqual({
      status: 0,
      stdout: `luoscope ${LUOSCOPE_VERSION}\n`,
      stderr: '',
    });
    expect(npx('replay', '--help').stdout).toMatch(/^usage: luoscope replay FILE/);
  });

  it('luoscope replay VECTOR: the orphan, exit 0; --json is luoscope/replay@1', () => {
    const report = npx('replay', VECTOR);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('orphans: g without vm (not detected)');
    const json = npx('replay', VECTOR, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).format).toBe('luoscope/replay@1');
    const mail = npx('replay', VECTOR, '--format', 'text');
    expect(mail.stdout).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('luoscope explore VECTOR --json: luoscope/explore@1 for every variant', () => {
    const r = npx('explore', VECTOR, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.format).toBe('luoscope/explore@1');
    expect(Object.keys(json.variants)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('reads standard input and refuses a bad document with exit 2', () => {
    const r = sh('npx', ['--offline', 'luoscope', 'replay', '-'], {
      cwd: app,
      input: '{"format": 1}',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('luoscope: -: format: must be "luoscope/trace@1" (got 1)\n');
  });

  it('ships the JSON Schema of the trace format as generated from the parser', () => {
    const shipped = readFileSync(
      join(app, 'node_modules/luoscope/pkg/schema/trace-1.json'),
      'utf8',
    );
    expect(shipped).toBe(traceJsonSchemaText());
  });
});
