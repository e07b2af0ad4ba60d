/**
 * The tour's story against the engine: every step loads without surprise, and what it says the
 * engine does is what the engine does. A change in the engine that breaks the story fails here.
 */
import { describe, expect, it } from 'vitest';
import { validateTrace } from '../trace/parse';
import { traceJson } from '../trace/serialize';
import { checkStep, namedFiles, tourScenario } from './check';
import { loreLink } from './sources';
import { TOUR } from './steps';

/** Topics issue 6 asks the tour to cover, with the step that covers each. */
const TOPICS: Record<string, string> = {
  'what LUO is': 'what-is-luo',
  'preserve in dependency order (ENOENT)': 'preserve-order',
  'retrieve in any order': 'retrieve-any-order',
  'the orphaned guest_memfd': 'orphan',
  'strict restore order (EAGAIN)': 'strict-order',
  'cycles have no order': 'cycles',
  'can_finish at the session boundary': 'can-finish',
  'lookup deferred to freeze': 'freeze-lookup',
  'what the reader can argue': 'argue',
};

describe('the tour data', () => {
  it('has at least eight steps with unique ids, covering every topic in order', () => {
    expect(TOUR.length).toBeGreaterThanOrEqual(8);
    const ids = TOUR.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const order = Object.values(TOPICS).map((id) => ids.indexOf(id));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each(TOUR.map((s, i) => [i + 1, s.id, s] as const))(
    'step %i (%s): history and answer are a valid trace over its scenario',
    (_n, _id, s) => {
      const scenario = tourScenario(s);
      const doc = traceJson({
        variant: s.variant,
        switches: { ...s.switches },
        files: [...scenario.files],
        steps: [...s.history, ...s.answer.steps],
      });
      const parsed = validateTrace(doc);
      expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
      const ids = new Set(scenario.files.map((f) => f.id as string));
      expect(namedFiles(s).filter((id) => !ids.has(id))).toEqual([]);
    },
  );

  it.each(TOUR.map((s, i) => [i + 1, s.id, s] as const))(
    'step %i (%s): the history replays as written and the answer is what the engine does',
    (_n, _id, s) => {
      expect(s.history.every((h) => h.expect !== undefined)).toBe(true);
      const check = checkStep(s);
      expect(check.surprises).toEqual([]);
      expect(check.unmet).toEqual([]);
      if (s.task.kind === 'predict') {
        // Exactly one choice is right, and it is right for the reason the data gives.
        expect(check.correct.map((c) => c.id)).toHaveLength(1);
        const choiceIds = s.task.choices.map((c) => c.id);
        expect(new Set(choiceIds).size).toBe(choiceIds.length);
        expect(s.task.choices.length).toBeGreaterThanOrEqual(2);
      }
    },
  );

  it.each(TOUR.map((s, i) => [i + 1, s.id, s] as const))(
    'step %i (%s): short texts in our own words, with named sources',
    (_n, _id, s) => {
      for (const text of [s.text, s.why]) {
        const sentences = text.split(/(?<=[.?!])\s+(?=[A-Z(])/).length;
        expect(sentences).toBeGreaterThanOrEqual(2);
        expect(sentences).toBeLessThanOrEqual(6);
        // No long quotation: nothing in quotes runs past a handful of words.
        for (const quoted of text.match(/"[^"]*"|“[^”]*”/g) ?? []) {
          expect(quoted.split(/\s+/).length).toBeLessThanOrEqual(6);
        }
      }
      expect(s.sources.length).toBeGreaterThan(0);
      for (const src of s.sources) {
        expect(src.author).not.toBe('');
        expect(src.subject).not.toBe('');
        expect(src.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        if (src.messageId !== undefined) {
          expect(src.messageId).not.toMatch(/[<>\s]/);
          expect(loreLink(src.messageId)).toBe(`https://lore.kernel.org/all/${src.messageId}/`);
        }
      }
      expect(s.sources.some((src) => src.messageId !== undefined)).toBe(true);
    },
  );
});

describe('checkStep', () => {
  it('reports a history step that does not give what the data says', () => {
    const s = TOUR.find((t) => t.id === 'preserve-order')!;
    const broken = { ...s, history: [{ ...s.history[0]!, expect: 'EBUSY' as const }] };
    expect(checkStep(broken).surprises).toEqual([
      'history[0] createSession: expected EBUSY, got ok',
    ]);
  });

  it('reports an answer the engine does not give, and which choice the engine picks', () => {
    const s = TOUR.find((t) => t.id === 'orphan')!;
    const underD = { ...s, variant: 'D' as const };
    const check = checkStep(underD);
    expect(check.unmet).toContain('result: expected ok, the engine gave EBUSY');
    expect(check.correct.map((c) => c.id)).toEqual(['ebusy']);
  });
});
