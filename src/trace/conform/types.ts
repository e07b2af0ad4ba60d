/**
 * A kernel run: what a reproducer's output says the kernel did at each step of its trace,
 * read from the TAP of one or more stages (see read.ts for the format).
 */

/** What the kernel did at one step. `at` names the line it was read from (`file:line`). */
export type KernelStep =
  /** The call returned: `ok`, an errno name (`EAGAIN`), or `errno 95` for one luoscope lacks. */
  | { kind: 'returned'; result: string; at: string }
  /** The program did not make the call, for `reason` (`no /dev/liveupdate`, a stub, ...). */
  | { kind: 'skipped'; reason: string; at: string }
  /** No line: the stage did not run, or its output ends before the step (`why`). */
  | { kind: 'absent'; why: string; cut?: boolean };

/** One stage's output that was read: its number and the kernel it ran on. */
export interface RunStage {
  stage: number;
  uname: string;
}

/** The kernel run of a trace's first `steps` steps. */
export interface KernelRun {
  /** The trace hash the output names (SHA-256 of the trace's canonical text). */
  hash: string;
  steps: number;
  stages: number;
  /** The luoscope version that wrote the reproducer, and what its expectations were. */
  luoscope: string;
  expectations: string;
  /** The stages that ran, in order, with `uname -r`; without /dev/liveupdate, none. */
  ran: RunStage[];
  /** `uname -r` of outputs without /dev/liveupdate (every step skipped there). */
  skippedOn: string[];
  /** By step index (0-based), what the kernel did. */
  results: KernelStep[];
  /** Problems that did not refuse the input, each naming its line (`file:line: ...`). */
  notes: string[];
}

/** Some text to read and the name its lines are cited by. */
export interface RunInput {
  name: string;
  text: string;
}

/** A run read, or refused with one line naming the input line at fault. */
export type RunResult = { ok: true; run: KernelRun } | { ok: false; error: string };

/**
 * The most output read from one input, in bytes: every stage prints a line for every step,
 * so a long trace's run is larger than the trace (a 9,360-step trace in 37 stages prints
 * about 20 MB in all).
 */
export const MAX_RUN_BYTES = 64 * 1024 * 1024;
