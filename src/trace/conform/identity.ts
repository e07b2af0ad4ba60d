/**
 * What ties a kernel run to its trace: the trace hash, the kernel tree the expectations came
 * from, and the stages (boots) the reproducer splits the steps into.
 *
 * The trace hash is the SHA-256 of the document's canonical text, `serializeTrace(doc)` as
 * UTF-8: the bytes of the `.json` file the page downloads, so `sha256sum` of that file gives
 * the same 64 hex digits. A reproducer prints it (`# trace: sha256:<hex>`); an import is refused
 * when the output's hash is not the trace's.
 */
import type { TraceDoc } from '../parse';
import type { ReplayResult } from '../replay';
import { serializeTrace } from '../serialize';
import { sha256Hex } from './sha256';

/** The tree of a document without a `kernel` field (TRACE-FORMAT "kernel"). */
export const DEFAULT_TREE = '2026-06';

/** The trace hash: SHA-256 of `serializeTrace(doc)`, 64 lowercase hex digits. */
export function traceHash(doc: TraceDoc): string {
  return sha256Hex(serializeTrace(doc));
}

/** The kernel tree whose model gave the document's expectations (`kernel`, or 2026-06). */
export function traceTree(doc: TraceDoc): string {
  const tree = (doc as { kernel?: unknown }).kernel;
  return typeof tree === 'string' ? tree : DEFAULT_TREE;
}

/**
 * The stage (1-based) that runs each step: stage 1 until the first kexec the replay says
 * succeeds, stage 2 after it, and so on; the kexec itself belongs to the stage it ends.
 */
export function stagesOf(result: Pick<ReplayResult, 'steps'>): number[] {
  let stage = 1;
  return result.steps.map((r) => {
    const mine = stage;
    if (r.op === 'kexec' && r.result === 'ok') stage++;
    return mine;
  });
}

/** How many stages a replay has: one more than its successful kexecs. */
export function stageCount(result: Pick<ReplayResult, 'steps'>): number {
  return 1 + result.steps.filter((r) => r.op === 'kexec' && r.result === 'ok').length;
}
