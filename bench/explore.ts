/**
 * Explorer benchmark (issue 14): prints, for vm-64 (one part: the whole-scenario explorer) and
 * vms-128 (ten independent parts, components.ts) under each variant, the runs, every class's
 * exact count, the length of a shortest witness per class, the states visited and the wall
 * time; then, on the largest "VM + guest_memfd + k vCPUs" that today's explorer
 * (explore.ts) finishes within about a minute, both times as a ratio, with the states each
 * visited. Numbers only: nothing passes or fails.
 *
 *   npm run bench:explore   (bench/bundled.ts: bundled as the command line ships)
 */
import type { FileSpec } from '../src/engine';
import { VARIANTS, resolveSwitches } from '../src/engine';
import { CLASSES, ExploreBudgetExceeded, explore, exploreExact, isReported } from '../src/explore';
import { file, findScenario } from '../src/scenarios';
import { formatShare } from '../src/ui/explorer/format';

const ms = (t0: number) => performance.now() - t0;

const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

function exploreAll(id: string, pass: string) {
  const files = findScenario(id)!.files;
  console.log(`${id} (${files.length} files), ${pass}, node ${process.version}:`);
  let total = 0;
  let cpu = 0;
  for (const variant of VARIANTS) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      const r = exploreExact(files, resolveSwitches(variant));
      const t = ms(t0);
      const c = cpuMs(c0);
      total += t;
      cpu += c;
      const digits = String(r.runs).length;
      console.log(
        `  ${variant}: ${t.toFixed(0)} ms (cpu ${c.toFixed(0)} ms), states=${r.states} ` +
          `engine states=${r.engineStates}, ` +
          `runs=${digits > 24 ? `${String(r.runs).slice(0, 6)}... (${digits} digits)` : r.runs}`,
      );
      for (const c of CLASSES) {
        if (!isReported(c, r.classes[c]) || r.classes[c] === 0n) continue;
        const share = formatShare(r.classes[c], r.runs);
        console.log(
          `      ${c.padEnd(15)} ${share.padStart(12)}  witness ${r.witnesses[c]!.length} steps  ` +
            `count ${r.classes[c]}`,
        );
      }
    } catch (e) {
      if (!(e instanceof ExploreBudgetExceeded)) throw e;
      total += ms(t0);
      cpu += cpuMs(c0);
      console.log(`  ${variant}: stopped after ${ms(t0).toFixed(0)} ms: ${e.message}`);
    }
  }
  console.log(`  all four variants: ${total.toFixed(0)} ms (cpu ${cpu.toFixed(0)} ms)`);
}

// The first pass includes the JIT's warm-up; the second is the steady state.
exploreAll('vm-64', 'first pass');
exploreAll('vm-64', 'second pass');
exploreAll('vms-128', 'first pass');

const vm = (k: number): FileSpec[] => [
  file('vm', 'kvm-vm'),
  file('gmem', 'guest_memfd', ['vm']),
  ...Array.from({ length: k }, (_, i) => file(`vcpu${i}`, 'kvm-vcpu', ['vm'])),
];

console.log("today's explorer vs the exact one, VM + guest_memfd + k vCPUs, variant A:");
let last: { k: number; old: number; fresh: number; oldStates: number; freshStates: number };
for (let k = 1; ; k++) {
  const switches = resolveSwitches('A');
  let t0 = performance.now();
  const a = explore(vm(k), switches);
  const old = ms(t0);
  t0 = performance.now();
  const b = exploreExact(vm(k), switches);
  const fresh = ms(t0);
  if (a.runs !== b.runs) throw new Error(`count mismatch with ${k} vCPUs`);
  console.log(
    `  k=${k} (${k + 2} files): runs=${a.runs} today ${old.toFixed(0)} ms (${a.states} states), ` +
      `exact ${fresh.toFixed(1)} ms (${b.states} states, ${b.engineStates} engine states)`,
  );
  last = { k, old, fresh, oldStates: a.states, freshStates: b.states };
  // Today's explorer grows about sixfold per vCPU: stop before the next would pass a minute.
  if (old * 7 > 60_000) break;
}
console.log(
  `  largest: ${last.k + 2} files: today ${last.old.toFixed(0)} ms, ${last.oldStates} states; ` +
    `exact ${last.fresh.toFixed(1)} ms, ${last.freshStates} states; ratio ` +
    `${(last.old / last.fresh).toFixed(0)}x`,
);
