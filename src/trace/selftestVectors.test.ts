/**
 * vectors/selftests/: the kernel's LUO selftests as trace files (docs/selftests.md). These
 * checks hold the files to what the trace format asks of every document (field order, ids,
 * integer tokens, handles opened before use, an `expect` on every step), to the title form
 * that names the TEST, to the table in docs/selftests.md, and to the script that writes them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_ID_PATTERN } from './schema';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'vectors', 'selftests');
const TREES = ['posted-2026-09', 'proposed-2026-10', 'v7.3'];
const FILES = readdirSync(DIR)
  .flatMap((tree) => readdirSync(join(DIR, tree)).map((f) => `${tree}/${f}`))
  .sort();
const TITLE = /^[\w.-]+\/[\w.-]+ tools\/testing\/selftests\/[\w/.-]+\.c @[0-9a-f]{12} TEST\(/;

type Step = { op: string; name?: string; as?: string; session?: string; token?: unknown };
type Doc = {
  title: string;
  kernel: string;
  variant: string;
  files: { id: string; deps?: string[] }[];
  steps: (Step & { expect?: string; file?: string })[];
};

const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

describe('vectors/selftests/', () => {
  it('holds the three kernel trees and the selftests of each', () => {
    expect(readdirSync(DIR).sort()).toEqual(TREES);
    for (const tree of TREES) expect(FILES.some((f) => f.startsWith(`${tree}/`))).toBe(true);
  });

  it.each(FILES)('%s is a trace of its tree with an expect on every step', (name) => {
    const text = read(name);
    const doc = JSON.parse(text) as Doc;
    const keys = Object.keys(doc).filter((k) => k !== 'switches');
    expect(keys).toEqual(['format', 'title', 'kernel', 'variant', 'files', 'steps']);
    expect(doc.kernel).toBe(name.split('/')[0]);
    expect(doc.title).toMatch(TITLE);
    expect(['A', 'B', 'C', 'D']).toContain(doc.variant);
    const ids = doc.files.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of doc.files) {
      expect(f.id).toMatch(FILE_ID_PATTERN);
      for (const d of f.deps ?? []) expect(ids).toContain(d);
    }
    const open = new Set<string>();
    doc.steps.forEach((s, i) => {
      const at = `${name} steps[${i}]`;
      expect(s.expect, at).toMatch(/^(ok|E[A-Z0-9]+)$/);
      if (s.token !== undefined) expect(Number.isSafeInteger(s.token), at).toBe(true);
      if (s.file !== undefined) expect(ids, at).toContain(s.file);
      if (s.session !== undefined) expect(open.has(s.session), `${at}: ${s.session}`).toBe(true);
      if (s.op === 'createSession' || s.op === 'retrieveSession') open.add(s.as ?? s.name!);
    });
  });

  it('lists every file in docs/selftests.md', () => {
    const table = readFileSync(join(ROOT, 'docs', 'selftests.md'), 'utf8');
    for (const name of FILES) expect(table, name).toContain(`\`${name}\``);
  });

  describe('scripts/selftest-vectors.mjs', () => {
    const out = mkdtempSync(join(tmpdir(), 'luoscope-selftests-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('writes exactly these files, byte for byte', () => {
      const script = join(ROOT, 'scripts', 'selftest-vectors.mjs');
      const written = execFileSync('node', [script, '--out', out], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((p) => p.replace(/^vectors\/selftests\//, ''))
        .sort();
      expect(written).toEqual(FILES);
      for (const name of FILES) {
        expect(readFileSync(join(out, 'vectors', 'selftests', name), 'utf8'), name).toBe(
          read(name),
        );
      }
    });
  });
});
