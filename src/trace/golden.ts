/**
 * One line of the golden replay file: a document's name and its `replay --json` result, or
 * the refusal message, replayed through the same path as the CLI (`replayText`).
 */
import { replayText } from './replay';

/** Where the golden files live, relative to the repository root. */
export const GOLDEN_DIR = 'golden';

/** `{"name":…,"replay":…}` for a line of golden/documents.jsonl. */
export function goldenLine(documentLine: string): string {
  const { name, trace } = JSON.parse(documentLine) as { name: string; trace: unknown };
  const replayed = replayText(JSON.stringify(trace));
  return JSON.stringify(
    replayed.ok ? { name, replay: replayed.result } : { name, refused: replayed.error },
  );
}
