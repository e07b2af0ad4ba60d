/**
 * The documents a fresh clone has: every relative link in them leads to a file of the
 * repository (and to a heading that exists), none points outside it, and the screenshots the
 * guide shows are there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'docs/guide.md',
  'docs/model.md',
  'docs/trace-format.md',
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');

function headings(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^#+ (.*)$/gm)].map((m) => anchor(m[1]!));
}

describe('the documents', () => {
  it.each(DOCS)('%s: every relative link resolves inside the repository', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.filter((l) => !/^https?:/.test(l))) {
      const [path, hash] = link.split('#') as [string, string | undefined];
      const target = path ? normalize(join(ROOT, dirname(doc), path)) : join(ROOT, doc);
      expect(relative(ROOT, target).startsWith('..'), `${doc}: ${link}`).toBe(false);
      expect(existsSync(target), `${doc}: ${link}`).toBe(true);
      if (hash && target.endsWith('.md'))
        expect(headings(target), `${doc}: ${link}`).toContain(hash);
    }
    expect(text).not.toMatch(/\.\.\/shared|SEMANTICS\.md|TRACE-FORMAT\.md/);
  });

  it('the README links every document and the license', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const doc of [...DOCS.slice(1), 'LICENSE']) expect(readme).toContain(`](${doc})`);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) 2026 the luoscope authors\n/,
    );
  });
});
