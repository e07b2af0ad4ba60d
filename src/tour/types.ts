/**
 * The guided tour of the June 2026 thread as data: each step loads a scenario, a variant and a
 * partial history, asks the reader to act or to predict, and is answered by the engine.
 */
import type { TreeId, FileId, NodeState, Result, Step, Switches, Variant } from '../engine';
import type { Scenario } from '../scenarios';
import type { TraceStep } from '../trace/parse';

/** A mail (or, where none is archived, a commit notice) a step is based on. */
export interface TourSource {
  author: string;
  /** As printed in the message header, ISO form: `2026-06-26`. */
  date: string;
  subject: string;
  /** Without the angle brackets. Absent where no public message-id is known. */
  messageId?: string;
  /** What this source says for the step, in a few words of our own. */
  point: string;
}

/**
 * What the engine must show after the answer's steps. Every field given must hold; a field
 * left out is not checked.
 */
export interface Expectation {
  /** The result of the last answer step. */
  result?: Result;
  /** All orphans so far (silent and detected). */
  orphans?: number;
  /** Orphans the kernel refused or warned about (variant D's stuck session). */
  detected?: number;
  /** Incoming sessions whose release could not finish. */
  stuck?: number;
  /** Files whose preserved contents were discarded. */
  dataLoss?: number;
  /** The boot the system is in. */
  boot?: number;
  /** Node states of some files. */
  states?: Readonly<Record<string, NodeState>>;
}

/** One answer the reader may pick; it is right when the engine's outcome meets `expect`. */
export interface Choice {
  id: string;
  label: string;
  expect: Expectation;
}

/** What the reader is asked: to predict an outcome, or to do something on the graph. */
export type TourTask =
  | { kind: 'predict'; question: string; choices: readonly Choice[] }
  | {
      kind: 'act';
      /** "Click vm (or Tab to it and press Enter)". */
      instruction: string;
      /** The file whose primary action the answer's steps are. */
      target: FileId;
    };

/** A scenario written into the step itself (when no preset fits). */
export type InlineScenario = Omit<Scenario, 'id'> & { id?: string };

/** One step of the tour. */
export interface TourStep {
  /** Stable, used in tests and in the saved resume point. */
  id: string;
  title: string;
  /** A few sentences in our own words. */
  text: string;
  /** A preset id, or the files themselves. */
  scenario: string | InlineScenario;
  variant: Variant;
  /** The kernel tree (default 2026-06, the code of the thread). */
  kernel?: TreeId;
  switches?: Partial<Switches>;
  /** The steps already taken when the reader arrives, each with the result it gives. */
  history: readonly TraceStep[];
  task: TourTask;
  /** The steps that answer the task, and what the engine must show after them. */
  answer: { steps: readonly Step[]; expect: Expectation };
  /** Why the answer matters to the argument, shown after the reader answered. */
  why: string;
  sources: readonly TourSource[];
}
