/**
 * The kernel's own LUO selftests (vectors/selftests/<tree>/, docs/selftests.md) replay through
 * the CLI's path (`replayText`) under the tree they belong to, with every `expect` held: the
 * expects come from the tests' assertions, not from luoscope.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayText } from './replay';

const DIR = join(__dirname, '..', '..', 'vectors', 'selftests');
const FILES = readdirSync(DIR).flatMap((tree) =>
  readdirSync(join(DIR, tree)).map((f) => ({ tree, name: `${tree}/${f}` })),
);

describe('the kernel selftests as traces', () => {
  it.each(FILES)('$name replays under its tree with every expect held', ({ tree, name }) => {
    const replayed = replayText(readFileSync(join(DIR, name), 'utf8'));
    if (!replayed.ok) throw new Error(`${name}: ${replayed.error}`);
    expect(replayed.doc.kernel).toBe(tree);
    expect(replayed.result.kernel).toBe(tree);
    expect(replayed.result.outcome.mismatches).toEqual([]);
    expect(replayed.result.steps.every((s) => s.result !== 'not reached')).toBe(true);
  });

  it('the stress selftests open: 500 memfds in one session, 2,000 sessions', () => {
    const files = replayText(readFileSync(join(DIR, 'v7.3/luo_stress_files-kexec.json'), 'utf8'));
    const sessions = replayText(
      readFileSync(join(DIR, 'v7.3/liveupdate-preserve_many_sessions.json'), 'utf8'),
    );
    if (!files.ok || !sessions.ok) throw new Error('refused');
    expect(files.doc.files.length).toBeGreaterThan(500);
    expect(sessions.doc.steps.filter((s) => s.op === 'createSession').length).toBe(2000);
  });
});
