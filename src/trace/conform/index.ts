/**
 * Closing the loop with a real kernel: a reproducer's output read back (read.ts), matched to
 * its trace by the trace hash (identity.ts), and set against luoscope's prediction step by
 * step (conform.ts), as text for the CLI and a mail (text.ts) and inside a share link (link.ts).
 */
export { DEFAULT_TREE, stageCount, stagesOf, traceHash, traceTree } from './identity';
export { readRun } from './read';
export { conform, kernelName, kernelText, resultText } from './conform';
export type { ConformReport, ConformStep, Verdict } from './conform';
export { conformLines } from './text';
export { MAX_RUN_BYTES } from './types';
export type { KernelRun, KernelStep, RunInput, RunResult, RunStage } from './types';
