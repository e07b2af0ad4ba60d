/**
 * The golden replay file: every vector and 500 fixed random documents replay byte for byte as
 * committed in golden/replay.jsonl (`npx tsx scripts/golden.ts` rewrites it). A difference is a
 * change of meaning of saved documents: only a named model correction may make one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR, goldenLine } from './golden';

const root = join(__dirname, '..', '..', GOLDEN_DIR);
const read = (file: string) => readFileSync(join(root, file), 'utf8').trimEnd().split('\n');

describe('golden/replay.jsonl', () => {
  const documents = read('documents.jsonl');
  const golden = read('replay.jsonl');

  it('has one replay per document, in order', () => {
    expect(golden).toHaveLength(documents.length);
    expect(documents.length).toBeGreaterThan(500);
    golden.forEach((line, i) => {
      expect((JSON.parse(line) as { name: string }).name).toBe(
        (JSON.parse(documents[i]!) as { name: string }).name,
      );
    });
  });

  it('every document replays byte for byte as committed', () => {
    const changed = documents
      .map((doc, i) => ({ i, line: goldenLine(doc) }))
      .filter(({ i, line }) => line !== golden[i])
      .map(({ i }) => (JSON.parse(golden[i]!) as { name: string }).name);
    expect(changed).toEqual([]);
  });
});
