/**
 * A kernel run set against luoscope's prediction, step by step: agree, disagree, not run
 * (skipped by the program, or no line: a missing stage, an output cut short). A step luoscope
 * says is `not reached` agrees when it has no line; one it says hangs (`hang`) agrees when its
 * stage's output stops before it.
 */
import type { TraceDoc } from '../parse';
import type { ReplayResult } from '../replay';
import { ioctlText, toAscii } from '../export/describe';
import type { KernelRun, KernelStep } from './types';

/** How a step's kernel result compares with luoscope's. */
export type Verdict = 'agree' | 'disagree' | 'skipped' | 'missing';

/** One step: the call, what luoscope predicted, what the kernel did, and the verdict. */
export interface ConformStep {
  index: number;
  call: string;
  predicted: string;
  kernel: KernelStep;
  verdict: Verdict;
}

/** The whole comparison. */
export interface ConformReport {
  run: KernelRun;
  steps: ConformStep[];
  /** Index of the first step that disagrees, or null. */
  firstDisagreement: number | null;
  counts: Record<Verdict, number>;
  /** Stages with no output among the inputs (every step skipped counts as not run). */
  missingStages: number[];
}

function verdictOf(predicted: string, kernel: KernelStep): Verdict {
  if (kernel.kind === 'skipped') return 'skipped';
  if (kernel.kind === 'returned') return kernel.result === predicted ? 'agree' : 'disagree';
  if (predicted === 'not reached') return 'agree';
  if (predicted === 'hang' && kernel.cut) return 'agree';
  return 'missing';
}

/** Compares `run` with the replay of its trace (`result` = `replayTrace(doc)`). */
export function conform(doc: TraceDoc, result: ReplayResult, run: KernelRun): ConformReport {
  const steps = run.results.map((kernel, index): ConformStep => {
    const predicted = result.steps[index]!.result as string;
    return {
      index,
      call: toAscii(ioctlText(doc.steps[index]!)),
      predicted,
      kernel,
      verdict: verdictOf(predicted, kernel),
    };
  });
  const counts: Record<Verdict, number> = { agree: 0, disagree: 0, skipped: 0, missing: 0 };
  for (const s of steps) counts[s.verdict]++;
  const first = steps.find((s) => s.verdict === 'disagree');
  const ran = new Set(run.ran.map((r) => r.stage));
  const missingStages: number[] = [];
  for (let k = 1; k <= run.stages; k++) if (!ran.has(k)) missingStages.push(k);
  return {
    run,
    steps,
    firstDisagreement: first ? first.index : null,
    counts,
    missingStages,
  };
}

/** A result as a syscall returns it: `0`, `-EAGAIN`; `hang`, `not reached` and the like as is. */
export function resultText(result: string): string {
  if (result === 'ok') return '0';
  if (/^E[A-Z0-9]+$/.test(result)) return `-${result}`;
  const n = /^errno (\d+)$/.exec(result);
  return n ? `-${n[1]}` : result;
}

/** What the kernel did at a step, in words: `-EAGAIN`, `not run, skipped: no /dev/liveupdate`. */
export function kernelText(step: ConformStep): string {
  const k = step.kernel;
  if (k.kind === 'returned') return resultText(k.result);
  if (k.kind === 'skipped') return `not run, skipped: ${k.reason}`;
  if (step.verdict === 'agree') {
    return step.predicted === 'hang' ? 'no return (no later line)' : 'not reached';
  }
  return k.why;
}

/** The kernel(s) of a run as its column names them: `6.18.0` or `6.18.0 -> 6.19.0`. */
export function kernelName(run: KernelRun): string {
  const names = [...new Set(run.ran.map((r) => r.uname))];
  if (names.length) return names.join(' -> ');
  return run.skippedOn.length ? `${run.skippedOn.join(', ')} (not run)` : 'kernel';
}
