/**
 * Explorer benchmark (issue "explore every ordering"): prints, for vm-full under each variant,
 * the runs counted, the distinct states visited and the wall time; then, on the largest prefix
 * of vm-full that the naive enumerator (one replay per run) finishes within about a minute,
 * the naive time next to the explorer's, as a ratio. Numbers only: nothing passes or fails.
 *
 *   npx tsx bench/explore.ts
 */
import { VARIANTS, resolveSwitches } from '../src/engine';
import { explore, naiveCounts } from '../src/explore';
import { findScenario } from '../src/scenarios';

const scenario = findScenario('vm-full')!;
const ms = (t0: number) => performance.now() - t0;

console.log(`explore: ${scenario.id} (${scenario.files.length} files), node ${process.version}`);
let total = 0;
for (const variant of VARIANTS) {
  const t0 = performance.now();
  const r = explore(scenario.files, resolveSwitches(variant));
  const t = ms(t0);
  total += t;
  const classes = Object.entries(r.classes)
    .map(([k, n]) => `${k}=${n}`)
    .join(' ');
  console.log(
    `  ${variant}: runs=${r.runs} states=${r.states} time=${t.toFixed(1)} ms  ${classes}`,
  );
}
console.log(`  all four variants: ${total.toFixed(1)} ms (first call includes JIT warm-up)`);

// Naive vs explorer on growing prefixes of vm-full (each prefix is a valid scenario: every
// file's dependencies come before it). Stop before the naive time would pass about a minute.
console.log('naive enumerator vs explorer, variant A:');
let last = { k: 0, naive: 0, fast: 0, runs: 0n };
for (let k = 1; k <= scenario.files.length; k++) {
  const files = scenario.files.slice(0, k);
  const switches = resolveSwitches('A');
  let t0 = performance.now();
  const slow = naiveCounts(files, switches);
  const naive = ms(t0);
  t0 = performance.now();
  const fast = explore(files, switches);
  const explorer = ms(t0);
  if (fast.runs !== slow.runs) throw new Error(`count mismatch on ${k} files`);
  console.log(
    `  ${k} files: runs=${slow.runs} naive=${naive.toFixed(1)} ms explorer=${explorer.toFixed(2)} ms`,
  );
  last = { k, naive, fast: explorer, runs: slow.runs };
  // Runs grow more than tenfold per file: stop when the next one would pass a minute.
  if (naive * 15 > 60_000) break;
}
console.log(
  `  largest: ${last.k} files, ${last.runs} runs: naive ${last.naive.toFixed(0)} ms, explorer ` +
    `${last.fast.toFixed(2)} ms, ratio ${(last.naive / last.fast).toFixed(0)}x`,
);
