/**
 * A kernel run as the JSON a share link carries (`luoscope/run@1`), and that JSON checked
 * back: every field's type, one result per step, and the trace hash against the linked trace's
 * first `steps` steps. A malformed run is refused with one line naming the field.
 */
import type { TraceDoc } from '../parse';
import { traceHash } from './identity';
import type { KernelRun, KernelStep } from './types';

/** The `format` of a run inside a link. */
export const RUN_FORMAT = 'luoscope/run@1';

/** The JSON value of a run (`notes` are the importer's, and stay out of links). */
export function runJson(run: KernelRun): Record<string, unknown> {
  const { hash, steps, stages, luoscope, expectations, ran, skippedOn, results } = run;
  return {
    format: RUN_FORMAT,
    hash,
    steps,
    stages,
    luoscope,
    expectations,
    ran,
    skippedOn,
    results,
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;

function stepOf(v: unknown): KernelStep | null {
  if (!isRecord(v)) return null;
  if (v.kind === 'returned' && isText(v.result, 64) && isText(v.at)) {
    return { kind: 'returned', result: v.result, at: v.at };
  }
  if (v.kind === 'skipped' && isText(v.reason) && isText(v.at)) {
    return { kind: 'skipped', reason: v.reason, at: v.at };
  }
  if (v.kind === 'absent' && isText(v.why) && (v.cut === undefined || typeof v.cut === 'boolean')) {
    return v.cut === undefined
      ? { kind: 'absent', why: v.why }
      : { kind: 'absent', why: v.why, cut: v.cut };
  }
  return null;
}

/** A run read back from its JSON and checked against `doc`, or the first problem found. */
export function runFromJson(json: unknown, doc: TraceDoc): Checked<KernelRun> {
  const fail = (error: string): Checked<KernelRun> => ({ ok: false, error });
  if (!isRecord(json)) return fail('must be an object');
  if (json.format !== RUN_FORMAT) return fail(`format: must be "${RUN_FORMAT}"`);
  const { hash, steps, stages, luoscope, expectations, ran, skippedOn, results } = json;
  if (!isText(hash) || !/^[0-9a-f]{64}$/.test(hash)) return fail('hash: must be 64 hex digits');
  if (!Number.isInteger(steps) || (steps as number) < 0 || (steps as number) > doc.steps.length) {
    return fail(`steps: must be an integer from 0 to ${doc.steps.length} (the trace's steps)`);
  }
  if (!Number.isInteger(stages) || (stages as number) < 1)
    return fail('stages: must be a positive integer');
  if (!isText(luoscope) || !isText(expectations))
    return fail('luoscope, expectations: must be strings');
  if (
    !Array.isArray(ran) ||
    !ran.every((r) => isRecord(r) && Number.isInteger(r.stage) && isText(r.uname, 256))
  ) {
    return fail('ran: must be a list of { stage, uname }');
  }
  if (!Array.isArray(skippedOn) || !skippedOn.every((u) => isText(u, 256)))
    return fail('skippedOn: must be a list of strings');
  if (!Array.isArray(results) || results.length !== steps)
    return fail(`results: must hold one entry per step (${String(steps)})`);
  const parsed: KernelStep[] = [];
  for (const [i, r] of results.entries()) {
    const step = stepOf(r);
    if (!step) return fail(`results[${i}]: not a step result`);
    parsed.push(step);
  }
  if (traceHash({ ...doc, steps: doc.steps.slice(0, steps as number) }) !== hash) {
    return fail("hash: the run is of another trace than the link's");
  }
  return {
    ok: true,
    value: {
      hash,
      steps: steps as number,
      stages: stages as number,
      luoscope,
      expectations,
      ran: ran.map((r) => ({ stage: r.stage as number, uname: r.uname as string })),
      skippedOn: skippedOn as string[],
      results: parsed,
      notes: [],
    },
  };
}
