/**
 * The golden replay files: a document's name and its `replay --json` result (or the refusal),
 * replayed through the same path as the CLI (`replayText`), with every model correction or
 * with some left out.
 */
import type { CorrectionId } from '../engine';
import { CORRECTION_IDS } from '../engine';
import { replayText } from './replay';

/** Where the golden files live, relative to the repository root. */
export const GOLDEN_DIR = 'golden';

/** `{"name":…,"replay":…}` for a line of golden/documents.jsonl. */
export function goldenLine(documentLine: string, without: readonly CorrectionId[] = []): string {
  const { name, trace } = JSON.parse(documentLine) as { name: string; trace: unknown };
  const replayed = replayText(JSON.stringify(trace), { without });
  return JSON.stringify(
    replayed.ok ? { name, replay: replayed.result } : { name, refused: replayed.error },
  );
}

/** The name of a document line. */
export function goldenName(documentLine: string): string {
  return (JSON.parse(documentLine) as { name: string }).name;
}

/**
 * For each correction, the documents whose replay it changes: those that replay differently
 * when only that correction is left out. (golden/corrections.json records them.)
 */
export function documentsByCorrection(
  documents: readonly string[],
  current: readonly string[],
): Record<CorrectionId, string[]> {
  const out = {} as Record<CorrectionId, string[]>;
  for (const id of CORRECTION_IDS) {
    out[id] = documents.filter((doc, i) => goldenLine(doc, [id]) !== current[i]).map(goldenName);
  }
  return out;
}
