/**
 * `luoscope explore FILE`: every run of the document's scenario (its `files`; the variant,
 * switches and steps of FILE are not used) under each chosen variant, counted by class, with
 * a shortest run per class. `--json` prints `luoscope/explore@1`.
 */
import type { Variant } from '../engine';
import { resolveSwitches } from '../engine';
import type { ExploreResult } from '../explore';
import { CLASSES, EXPLORE_MAX_FILES, explore } from '../explore';
import type { TraceDoc } from '../trace';
import { stepJson } from '../trace';
import { clean, stepCall } from './text';

/** The JSON format of an exploration. */
export const EXPLORE_FORMAT = 'luoscope/explore@1';

/** Explores `doc.files` under each variant, or says why it cannot. */
export function exploreDoc(
  doc: TraceDoc,
  variants: readonly Variant[],
): { ok: true; results: Map<Variant, ExploreResult> } | { ok: false; error: string } {
  if (doc.files.length > EXPLORE_MAX_FILES) {
    return {
      ok: false,
      error: `files: ${doc.files.length} files; the explorer takes at most ${EXPLORE_MAX_FILES}`,
    };
  }
  const results = new Map<Variant, ExploreResult>();
  for (const v of variants) results.set(v, explore(doc.files, resolveSwitches(v)));
  return { ok: true, results };
}

/** The `luoscope/explore@1` document: counts as decimal strings, witnesses as trace steps. */
export function exploreJson(results: Map<Variant, ExploreResult>) {
  const variants: Record<string, unknown> = {};
  for (const [v, r] of results) {
    variants[v] = {
      runs: String(r.runs),
      classes: Object.fromEntries(CLASSES.map((c) => [c, String(r.classes[c])])),
      witnesses: Object.fromEntries(
        CLASSES.filter((c) => r.witnesses[c]).map((c) => [c, r.witnesses[c]!.map(stepJson)]),
      ),
    };
  }
  return { format: EXPLORE_FORMAT, variants };
}

/** A table of counts (variants across, classes down), then each variant's witnesses. */
export function formatExploreText(source: string, results: Map<Variant, ExploreResult>): string {
  const variants = [...results.keys()];
  const cells = (r: ExploreResult, c: (typeof CLASSES)[number]) => String(r.classes[c]);
  const rows: string[][] = [
    ['class', ...variants],
    ['runs', ...variants.map((v) => String(results.get(v)!.runs))],
    ...CLASSES.map((c) => [c, ...variants.map((v) => cells(results.get(v)!, c))]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [`explore ${clean(source)}: every run, counted by class`, '', ...rows.map(line), ''];
  for (const [v, r] of results) {
    out.push(`variant ${v}: a shortest run per class`);
    for (const c of CLASSES) {
      const steps = r.witnesses[c];
      if (!steps) continue;
      out.push(`  ${c} (${steps.length} steps):`);
      for (const s of steps) out.push(`    ${stepCall(s)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
