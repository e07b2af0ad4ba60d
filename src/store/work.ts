/**
 * The work a person has open (scenario, variant, switch overrides, history and position) and
 * its trace document: what a share link, a `.json` download, the exports and the autosave hold.
 */
import type { Step, Switches, TreeId, Variant } from '../engine';
import { DEFAULT_TREE } from '../engine';
import type { TraceDoc } from '../trace/parse';
import { engineStep } from '../trace/replay';
import { traceJson } from '../trace/serialize';
import { PRESETS, findScenario } from '../scenarios';
import type { Scenario } from '../scenarios';
import type { AppData } from './types';

/** Everything needed to reopen a session exactly. */
export interface Work {
  scenario: Scenario;
  /** The kernel tree; absent means `2026-06`. */
  kernel?: TreeId;
  variant: Variant;
  overrides: Partial<Switches>;
  actions: readonly Step[];
  /** How many of `actions` are applied; the rest can be redone. */
  position: number;
}

/** The id of a scenario that came from a trace and is not a preset. */
export const TRACE_SCENARIO_ID = 'trace';
const UNTITLED = 'Untitled trace';

export function workOf(s: AppData): Work {
  const { scenario, kernel, variant, overrides, actions, position } = s;
  const work: Work = { scenario, variant, overrides, actions, position };
  return kernel === DEFAULT_TREE ? work : { ...work, kernel };
}

/**
 * The trace of the first `count` actions, each with the result this luoscope gave it as its
 * `expect` (from the cached replay): a replay by a later version flags every changed answer.
 */
export function traceOf(s: AppData, count = s.position): TraceDoc {
  return {
    title: s.scenario.title,
    // A document without `kernel` is a 2026-06 document: the default is not written.
    ...(s.kernel === DEFAULT_TREE ? {} : { kernel: s.kernel }),
    variant: s.variant,
    switches: { ...s.overrides },
    files: [...s.scenario.files],
    steps: s.replay.log
      .slice(0, count)
      .map((e) =>
        e.result.result === 'not reached' ? { ...e.step } : { ...e.step, expect: e.result.result },
      ),
  };
}

/**
 * The trace of the work as it is shown: the actions up to the position. Actions after it (the
 * ones redo would bring back) are not part of it: a link opens at its last step.
 */
export function currentTrace(s: AppData): TraceDoc {
  return traceOf(s);
}

const filesJson = (files: Scenario['files']) =>
  JSON.stringify(traceJson({ variant: 'A', switches: {}, files: [...files], steps: [] }).files);

/**
 * The scenario a trace runs on: `hint` (a preset or bench id) or a preset when the files are
 * the same and the title is that scenario's or absent, else a scenario made from the trace.
 */
export function scenarioOfTrace(doc: TraceDoc, hint?: string): Scenario {
  const files = filesJson(doc.files);
  const hinted = hint === undefined ? undefined : findScenario(hint);
  for (const s of hinted ? [hinted, ...PRESETS] : PRESETS) {
    if ((doc.title === undefined || doc.title === s.title) && filesJson(s.files) === files) {
      return s;
    }
  }
  const n = doc.files.length;
  return {
    id: TRACE_SCENARIO_ID,
    title: doc.title ?? UNTITLED,
    description: `Opened from a trace: ${n} file${n === 1 ? '' : 's'} (${doc.files
      .map((f) => f.id)
      .join(', ')}).`,
    files: doc.files,
  };
}

/** A trace opened as work: every step applied (`position` at the end unless given). */
export function workOfTrace(doc: TraceDoc, position = doc.steps.length, hint?: string): Work {
  return {
    scenario: scenarioOfTrace(doc, hint),
    ...(doc.kernel === undefined ? {} : { kernel: doc.kernel }),
    variant: doc.variant,
    overrides: { ...doc.switches },
    actions: doc.steps.map(engineStep),
    position: Math.max(0, Math.min(position, doc.steps.length)),
  };
}

/** What a screen reader hears when a trace opens (`from`: "the link", "the file "x.json""). */
export function openedText(doc: TraceDoc, from: string): string {
  const n = doc.steps.length;
  const title = doc.title === undefined ? 'an untitled trace' : `"${doc.title}"`;
  return `Opened ${title} from ${from}: ${n} step${n === 1 ? '' : 's'}, at the last one.`;
}
