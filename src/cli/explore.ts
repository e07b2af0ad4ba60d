/**
 * `luoscope explore FILE`: every run of the document's scenario (its `files`; the variant,
 * switches and steps of FILE are not used) under each chosen variant, counted by class, with
 * a shortest run per class. `--json` prints `luoscope/explore@1`; a run shape other than the
 * default adds its `shape` field.
 */
import type { TreeId, Variant } from '../engine';
import { DEFAULT_TREE, modelOf, resolveSwitches } from '../engine';
import type { ExploreResult, RunShape } from '../explore';
import {
  CLASSES,
  DEFAULT_SHAPE,
  ExploreBudgetExceeded,
  exploreExact,
  isDefaultShape,
  isReported,
} from '../explore';
import type { TraceDoc } from '../trace';
import { stepJson } from '../trace';
import { clean, stepCall } from './text';

/** The JSON format of an exploration. */
export const EXPLORE_FORMAT = 'luoscope/explore@1';

/** Explores `doc.files` under each variant, or says why it cannot. */
export function exploreDoc(
  doc: TraceDoc,
  variants: readonly Variant[],
  shape: RunShape = DEFAULT_SHAPE,
  maxStates?: number,
  kernel: TreeId | undefined = doc.kernel,
): { ok: true; results: Map<Variant, ExploreResult> } | { ok: false; error: string } {
  const results = new Map<Variant, ExploreResult>();
  const model = modelOf(kernel);
  try {
    for (const v of variants) {
      const switches = resolveSwitches(v, {}, kernel);
      results.set(v, exploreExact(doc.files, switches, { shape, maxStates, model }));
    }
  } catch (e) {
    if (e instanceof ExploreBudgetExceeded) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, results };
}

const reported = (results: Map<Variant, ExploreResult>) =>
  CLASSES.filter((c) => [...results.values()].some((r) => isReported(c, r.classes[c])));

/** The `luoscope/explore@1` document: counts as decimal strings, witnesses as trace steps. */
/**
 * `luoscope/explore@1`. `shape` appears for a run shape other than the default, `kernel` for a
 * tree other than 2026-06: the output for today's options is unchanged.
 */
export function exploreJson(
  results: Map<Variant, ExploreResult>,
  shape: RunShape = DEFAULT_SHAPE,
  kernel?: TreeId,
) {
  const variants: Record<string, unknown> = {};
  const classes = reported(results);
  for (const [v, r] of results) {
    variants[v] = {
      runs: String(r.runs),
      classes: Object.fromEntries(classes.map((c) => [c, String(r.classes[c])])),
      witnesses: Object.fromEntries(
        classes.filter((c) => r.witnesses[c]).map((c) => [c, r.witnesses[c]!.map(stepJson)]),
      ),
    };
  }
  return {
    format: EXPLORE_FORMAT,
    ...(kernel === undefined || kernel === DEFAULT_TREE ? {} : { kernel }),
    ...(isDefaultShape(shape) ? {} : { shape: { ...shape } }),
    variants,
  };
}

/** A table of counts (variants across, classes down), then each variant's witnesses. */
export function formatExploreText(
  source: string,
  results: Map<Variant, ExploreResult>,
  shape: RunShape = DEFAULT_SHAPE,
): string {
  const variants = [...results.keys()];
  const classes = reported(results);
  const cells = (r: ExploreResult, c: (typeof CLASSES)[number]) => String(r.classes[c]);
  const rows: string[][] = [
    ['class', ...variants],
    ['runs', ...variants.map((v) => String(results.get(v)!.runs))],
    ...classes.map((c) => [c, ...variants.map((v) => cells(results.get(v)!, c))]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const head = `explore ${clean(source)}: every run, counted by class`;
  const shapeLine = isDefaultShape(shape)
    ? []
    : [
        `run shape: ${shape.sessions} session(s), ${shape.kexecs} kexec(s)` +
          (shape.setSteps ? ', with set steps' : ''),
      ];
  const out = [head, ...shapeLine, '', ...rows.map(line), ''];
  for (const [v, r] of results) {
    out.push(`variant ${v}: a shortest run per class`);
    for (const c of classes) {
      const steps = r.witnesses[c];
      if (!steps) continue;
      out.push(`  ${c} (${steps.length} steps):`);
      for (const s of steps) out.push(`    ${stepCall(s)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
