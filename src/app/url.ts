/**
 * `?scenario=<id>&variant=<A|B|C|D>&kernel=<tree>`: read at start, kept up to date while the
 * user works. `kernel` is written only for a tree other than `2026-06`.
 */
import { DEFAULT_TREE, TREE_IDS, VARIANTS, isTreeId } from '../engine';
import type { TreeId, Variant } from '../engine';
import { DEFAULT_SCENARIO, PRESETS, findScenario } from '../scenarios';
import type { Scenario } from '../scenarios';

export interface Location {
  scenario: Scenario;
  variant: Variant;
  kernel: TreeId;
  /** Set when a parameter named something unknown; the default opened instead. */
  notice: string | null;
}

const isVariant = (v: string): v is Variant => (VARIANTS as readonly string[]).includes(v);

export function readLocation(search: string): Location {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const id = params.get('scenario');
  let scenario = DEFAULT_SCENARIO;
  if (id !== null) {
    const found = findScenario(id);
    if (found) scenario = found;
    else
      notices.push(
        `Unknown scenario "${id}": opened "${DEFAULT_SCENARIO.id}" instead ` +
          `(known: ${PRESETS.map((p) => p.id).join(', ')}).`,
      );
  }
  const v = params.get('variant');
  let variant: Variant = 'A';
  if (v !== null) {
    if (isVariant(v)) variant = v;
    else notices.push(`Unknown variant "${v}": opened variant A instead (known: A, B, C, D).`);
  }
  const k = params.get('kernel');
  let kernel: TreeId = DEFAULT_TREE;
  if (k !== null) {
    if (isTreeId(k)) kernel = k;
    else
      notices.push(
        `Unknown kernel tree "${k}": opened ${DEFAULT_TREE} instead (known: ${TREE_IDS.join(', ')}).`,
      );
  }
  return { scenario, variant, kernel, notice: notices.length ? notices.join(' ') : null };
}

/** The search string for a scenario and variant, other parameters kept. */
export function searchFor(
  current: string,
  scenario: string,
  variant: Variant,
  kernel: TreeId = DEFAULT_TREE,
): string {
  const params = new URLSearchParams(current);
  params.set('scenario', scenario);
  params.set('variant', variant);
  if (kernel === DEFAULT_TREE) params.delete('kernel');
  else params.set('kernel', kernel);
  return `?${params.toString()}`;
}
