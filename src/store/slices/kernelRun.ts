/**
 * The kernel run imported into the open work (issue 11): the reproducer's output read back
 * against the trace of the work's first N actions. It belongs to that work: once the scenario,
 * the variant, the switches or one of those N actions change, `selectKernelRun` stops
 * returning it (the run is of another trace then).
 */
import type { Step, Switches, Variant } from '../../engine';
import type { Scenario } from '../../scenarios';
import type { KernelRun } from '../../trace/conform/types';
import type { TraceDoc } from '../../trace/parse';
import type { AppData } from '../types';
import { traceOf } from '../work';
import type { AppSlice } from './slice';

/** A run and the work it was matched to. */
export interface AttachedRun {
  run: KernelRun;
  /** The trace of the first `run.steps` actions, whose hash the run names. */
  doc: TraceDoc;
  scenario: Scenario;
  variant: Variant;
  overrides: Partial<Switches>;
  actions: readonly Step[];
}

export interface KernelRunData {
  kernelRun: AttachedRun | null;
}
export interface KernelRunActions {
  /** Attaches `run` to the open work (its first `run.steps` actions); null detaches. */
  attachKernelRun(run: KernelRun | null): void;
}

export const initialKernelRunData = (): KernelRunData => ({ kernelRun: null });

/** What a run is attached to, from the work as it is now. */
export function attachTo(s: AppData, run: KernelRun): AttachedRun {
  return {
    run,
    doc: traceOf(s, run.steps),
    scenario: s.scenario,
    variant: s.variant,
    overrides: s.overrides,
    actions: s.actions.slice(0, run.steps),
  };
}

/** The attached run while the work is still the one it was matched to, else null. */
export function selectKernelRun(s: AppData): AttachedRun | null {
  const a = s.kernelRun;
  if (!a) return null;
  const same =
    a.scenario === s.scenario &&
    a.variant === s.variant &&
    a.overrides === s.overrides &&
    a.actions.length <= s.actions.length &&
    a.actions.every((step, i) => s.actions[i] === step);
  return same ? a : null;
}

export const kernelRunSlice: AppSlice<KernelRunActions> = (set) => ({
  attachKernelRun: (run) => set((s) => ({ kernelRun: run ? attachTo(s, run) : null })),
});
