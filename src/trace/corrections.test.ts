/**
 * A trace made before a model correction: the replay names the correction beside each changed
 * step (`mismatches[].correction`) and the page's notice says it in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctionNotice, correctionsOf, openedCorrections } from './corrections';
import { parseTrace } from './parse';
import { replayTrace } from './replay';

/** The cycle preset under C as luoscope 0.1 answered it: RETRIEVE_FD(a) -> ok. */
const BEFORE_C1 = readFileSync(
  join(__dirname, '..', 'cli', 'testdata', 'cycle-before-c1.json'),
  'utf8',
);

function doc(text: string) {
  const parsed = parseTrace(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

describe('a trace made before correction C1', () => {
  it('replays into a hang at the retrieve, the finish not reached, both named C1', () => {
    const result = replayTrace(doc(BEFORE_C1));
    expect(result.steps[5]!.result).toBe('hang');
    expect(result.steps[6]!.result).toBe('not reached');
    expect(result.outcome.hung).toEqual({ step: 5, reason: result.steps[5]!.reason });
    expect(result.outcome.mismatches).toEqual([
      { step: 5, expected: 'ok', actual: 'hang', correction: 'C1' },
      { step: 6, expected: 'ok', actual: 'not reached', correction: 'C1' },
    ]);
  });

  it('the notice says it in words, with the steps and the source', () => {
    const notice = correctionNotice(doc(BEFORE_C1));
    expect(notice).toMatch(/^This trace was made before model correction C1 \(luoscope 0\.2\.0\)/);
    expect(notice).toContain('step 6 (retrieve) now gives hang, it gave ok');
    expect(notice).toContain('luo_file.c');
  });

  it('a mismatch no correction explains names none, and gives no notice', () => {
    const wrong = doc(BEFORE_C1);
    wrong.steps = wrong.steps.slice(0, 5).map((s, i) => (i === 1 ? { ...s, expect: 'EIO' } : s));
    const result = replayTrace(wrong);
    expect(result.outcome.mismatches).toEqual([{ step: 1, expected: 'EIO', actual: 'ok' }]);
    expect(correctionNotice(wrong, result)).toBeNull();
  });
});

describe("the notice of an opened trace, from the page's own replay", () => {
  it('names C1 when the results given differ from the expects as C1 explains', () => {
    const d = doc(BEFORE_C1);
    const results = replayTrace(d).steps.map((x) => x.result);
    const opened = correctionsOf(d, results);
    expect(opened).toEqual(openedCorrections(d));
    expect(opened.notice).toMatch(/model correction C1/);
    expect(opened.marks).toEqual({ 5: 'C1', 6: 'C1' });
  });

  it('says nothing when every expect holds, and for a trace without expects', () => {
    const d = doc(BEFORE_C1);
    const held = d.steps.map((x) => x.expect ?? 'ok');
    expect(correctionsOf(d, held)).toEqual({ notice: null, marks: {} });
    const bare = { ...d, steps: d.steps.map(({ expect: _, ...rest }) => rest) };
    expect(openedCorrections(bare)).toEqual({ notice: null, marks: {} });
  });
});
