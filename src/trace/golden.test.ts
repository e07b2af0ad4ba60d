/**
 * The golden replay files: every vector and 500 fixed random documents replay byte for byte as
 * committed in golden/replay.jsonl (`npx tsx scripts/golden.ts` rewrites it). A difference is a
 * change of meaning of saved documents: only a named model correction may make one, so
 * - with every correction left out, the engine still gives luoscope 0.1's replays
 *   (golden/replay-0.1.jsonl, frozen), byte for byte;
 * - each correction changes exactly the documents golden/corrections.json names for it, and
 *   together they account for every document that differs from 0.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORRECTION_IDS } from '../engine';
import { GOLDEN_DIR, documentsByCorrection, goldenLine, goldenName } from './golden';

const root = join(__dirname, '..', '..', GOLDEN_DIR);
const read = (file: string) => readFileSync(join(root, file), 'utf8').trimEnd().split('\n');

describe('golden replays', () => {
  const documents = read('documents.jsonl');
  const golden = read('replay.jsonl');
  const before = read('replay-0.1.jsonl');
  const named = JSON.parse(readFileSync(join(root, 'corrections.json'), 'utf8')) as Record<
    string,
    string[]
  >;

  it('has one replay per document, in order', () => {
    expect(documents.length).toBeGreaterThan(500);
    for (const file of [golden, before]) {
      expect(file.map((line) => goldenName(line))).toEqual(documents.map(goldenName));
    }
  });

  it('every document replays byte for byte as committed', () => {
    const changed = documents.filter((doc, i) => goldenLine(doc) !== golden[i]).map(goldenName);
    expect(changed).toEqual([]);
  });

  it('without the model corrections, every document replays as luoscope 0.1 did', () => {
    const changed = documents
      .filter((doc, i) => goldenLine(doc, CORRECTION_IDS) !== before[i])
      .map(goldenName);
    expect(changed).toEqual([]);
  });

  it('each correction changes exactly the documents it names, and they explain the whole diff', () => {
    const computed = documentsByCorrection(documents, golden);
    expect(computed).toEqual(named);
    const differ = documents.filter((_, i) => golden[i] !== before[i]).map(goldenName);
    const explained = new Set(Object.values(named).flat());
    expect(differ.filter((name) => !explained.has(name))).toEqual([]);
    expect([...explained].filter((name) => !differ.includes(name))).toEqual([]);
  });
});
