/** `?scenario=<id>&variant=<A|B|C|D>`: read at start, kept up to date while the user works. */
import { VARIANTS } from '../engine';
import type { Variant } from '../engine';
import { DEFAULT_SCENARIO, PRESETS, findScenario } from '../scenarios';
import type { Scenario } from '../scenarios';

export interface Location {
  scenario: Scenario;
  variant: Variant;
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
  return { scenario, variant, notice: notices.length ? notices.join(' ') : null };
}

/** The search string for a scenario and variant, other parameters kept. */
export function searchFor(current: string, scenario: string, variant: Variant): string {
  const params = new URLSearchParams(current);
  params.set('scenario', scenario);
  params.set('variant', variant);
  return `?${params.toString()}`;
}
