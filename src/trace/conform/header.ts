/**
 * The comment lines a stage's output starts with, checked before its first plan or result
 * line: the trace hash (against the trace's first `steps` steps), the step count, the stage.
 */
import type { MetaKey } from './lines';
import { refuse } from './refusal';

/** What the reader knows of the trace: its length, the hash and stage count of a prefix. */
export interface HeaderContext {
  total: number;
  /** The trace's variant, named in a refusal when the output's differs. */
  variant: string;
  hashOf(steps: number): string;
  stagesOf(steps: number): number;
}

/** A checked header: how many steps the output covers and which stage it is (or none). */
export interface StreamHeader {
  steps: number;
  stage: number | 'none';
}

/** Checks a stream's header lines; refuses naming `at` (the first line after them). */
export function streamHeader(
  meta: Partial<Record<MetaKey, string>>,
  at: string,
  trace: HeaderContext,
): StreamHeader {
  if (meta.trace === undefined) {
    refuse(
      at,
      'no "# trace: sha256:..." line before it: not a luoscope reproducer\'s output, or its first lines are missing',
    );
  }
  const hash = /^sha256:([0-9a-f]{64})$/.exec(meta.trace)?.[1];
  if (!hash) return refuse(at, `garbled trace hash ${JSON.stringify(meta.trace)}`);
  const steps = /^(\d+) in \d+ stage\(s\)$/.exec(meta.steps ?? '');
  if (!steps) return refuse(at, 'no "# steps: N in S stage(s)" line before it');
  const n = Number(steps[1]);
  if (n > trace.total || trace.hashOf(n) !== hash) {
    const given = trace.hashOf(trace.total).slice(0, 16);
    const variant = /\bvariant ([A-Z])\b/.exec(meta.expectations ?? '')?.[1];
    const hint =
      variant && variant !== trace.variant
        ? `; the output expects variant ${variant}, the trace is under ${trace.variant}`
        : '';
    refuse(
      at,
      `this output is of another trace (sha256:${hash.slice(0, 16)}..., ${n} steps); the trace given is sha256:${given}... (${trace.total} steps)${hint}`,
    );
  }
  const stage = meta.stage ?? '';
  if (/^none\b/.test(stage)) return { steps: n, stage: 'none' };
  const count = trace.stagesOf(n);
  const m = /^(\d+) of (\d+)$/.exec(stage);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > count || Number(m[2]) !== count) {
    refuse(
      at,
      `garbled or missing "# stage:" line (${JSON.stringify(stage)}; the trace has ${count} stage(s))`,
    );
  }
  return { steps: n, stage: Number(m[1]) };
}
