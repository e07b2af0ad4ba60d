/**
 * What a person reads when a saved trace meets a model correction: "this trace was made before
 * correction C1: ...", one sentence per correction, naming the steps it changed. Read off the
 * replay's `mismatches[].correction` (replay.ts).
 */
import { correctionById } from '../engine';
import type { CorrectionId, Result } from '../engine';
import type { TraceDoc } from './parse';
import type { ReplayResult } from './replay';
import { replayTrace } from './replay';

/** For each correction a replay names, the steps it changed, in order. */
export function correctedSteps(result: ReplayResult): Map<CorrectionId, number[]> {
  const out = new Map<CorrectionId, number[]>();
  for (const m of result.outcome.mismatches) {
    if (m.correction === undefined) continue;
    out.set(m.correction, [...(out.get(m.correction) ?? []), m.step]);
  }
  return out;
}

/** One sentence per correction that changed a step of `doc`, or null when none did. */
export function correctionNotice(doc: TraceDoc, result = replayTrace(doc)): string | null {
  const by = correctedSteps(result);
  if (by.size === 0) return null;
  const sentences = [...by].map(([id, steps]) => {
    const c = correctionById(id);
    const changed = steps
      .map((i) => {
        const m = result.outcome.mismatches.find((x) => x.step === i)!;
        return `step ${i + 1} (${result.steps[i]!.op}) now gives ${m.actual}, it gave ${m.expected}`;
      })
      .join('; ');
    return `This trace was made before model correction ${id} (luoscope ${c.version}): ${c.title}. ${changed}. Source: ${c.source}.`;
  });
  return sentences.join(' ');
}

/** The correction that changed each step of `doc`, by step index (for the log). */
export function correctionMarks(result: ReplayResult): Record<number, CorrectionId> {
  const out: Record<number, CorrectionId> = {};
  for (const m of result.outcome.mismatches) if (m.correction) out[m.step] = m.correction;
  return out;
}

/** The notice above the graph and the marks beside the steps of an opened trace. */
export interface OpenedCorrections {
  notice: string | null;
  marks: Record<number, CorrectionId>;
}

const NONE: OpenedCorrections = { notice: null, marks: {} };

/**
 * What the page shows when it opens `doc`, whose steps gave `results` in the page's own replay:
 * nothing when every `expect` holds (no second replay); otherwise the replay that names the
 * correction behind each changed step.
 */
export function correctionsOf(doc: TraceDoc, results: readonly Result[]): OpenedCorrections {
  const differs = doc.steps.some((s, i) => s.expect !== undefined && s.expect !== results[i]);
  return differs ? attributed(doc) : NONE;
}

/** The notice and the marks, from a replay that names the correction behind each mismatch. */
function attributed(doc: TraceDoc): OpenedCorrections {
  const result = replayTrace(doc);
  return { notice: correctionNotice(doc, result), marks: correctionMarks(result) };
}

/** What the page shows when it opens `doc` (replaying it, if any step has an `expect`). */
export function openedCorrections(doc: TraceDoc): OpenedCorrections {
  return doc.steps.some((s) => s.expect !== undefined) ? attributed(doc) : NONE;
}
