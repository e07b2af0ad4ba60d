/**
 * Generated scenarios for the benchmarks: `bench-<n>` holds n unrelated memfds (n up to 128,
 * LUO_FILE_MAX). Reachable by URL only (`?scenario=bench-128`), not listed in the picker.
 */
import type { FileId, SessionHandle, Step, Token } from '../engine';
import type { Scenario } from './scenario';
import { file } from './scenario';

const BENCH_ID = /^bench-([1-9][0-9]{0,2})$/;
export const BENCH_MAX = 128;

/** n memfds named m0 .. m(n-1). */
export function memfdScenario(n: number): Scenario {
  return {
    id: `bench-${n}`,
    title: `${n} memfds (benchmark)`,
    description: 'A generated scenario for the click-to-paint benchmark (bench/ui-click.ts).',
    files: Array.from({ length: n }, (_, i) => file(`m${i}`, 'memfd')),
  };
}

/**
 * A whole live update of `memfdScenario(n)`: session "vmm" created, every memfd preserved,
 * `between` (say, `set` steps), kexec, the session retrieved, every memfd retrieved, FINISH.
 */
export function memfdLiveUpdate(n: number, between: readonly Step[] = []): Step[] {
  const out = 'out' as SessionHandle;
  const inc = 'in' as SessionHandle;
  const token = (i: number) => (i + 1) as Token;
  const all = Array.from({ length: n }, (_, i) => i);
  return [
    { op: 'createSession', name: 'vmm', as: out },
    ...all.map((i): Step => ({
      op: 'preserve',
      session: out,
      file: `m${i}` as FileId,
      token: token(i),
    })),
    ...between,
    { op: 'kexec' },
    { op: 'retrieveSession', name: 'vmm', as: inc },
    ...all.map((i): Step => ({ op: 'retrieve', session: inc, token: token(i) })),
    { op: 'finish', session: inc, reserved: 0 },
  ];
}

/** The bench scenario an id names, if it is one. */
export function benchScenario(id: string): Scenario | undefined {
  const m = BENCH_ID.exec(id);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= BENCH_MAX ? memfdScenario(n) : undefined;
}
