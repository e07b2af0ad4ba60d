/** Failed runs of the whole, several sessions (kexec.ts does one session). */
import type { Line } from './poly';
import { addAt, interleaveLines, lineTotal } from './poly';
import type { FailedRuns, Kind, KexecRuns } from './kexec';
import type { Move } from './tally';

/**
 * Failed runs of the whole without the guess (several sessions), where no part with a
 * resetting freeze meets a *different* part with a failing one (components.ts explores those
 * as one): the failed parts' classes, joined.
 */
export function failedAlike(parts: readonly KexecRuns[]): FailedRuns[] {
  let states = new Map<number, { line: Line; len: number; runs: Move[][] }>([
    [-1, { line: [1n], len: 0, runs: [] }],
  ]);
  for (const k of parts) {
    const next = new Map<number, { line: Line; len: number; runs: Move[][] }>();
    const step = (key: number, from: { line: Line; len: number; runs: Move[][] }, f: Kind) => {
      if (!f.best) return;
      const line = interleaveLines(from.line, f.grid[0] ?? []);
      const len = from.len + f.best.length;
      const runs = [...from.runs, f.best];
      const hit = next.get(key);
      if (!hit) next.set(key, { line, len, runs });
      else {
        line.forEach((n, a) => n && addAt(hit.line, a, n));
        if (len < hit.len) Object.assign(hit, { len, runs });
      }
    };
    for (const [key, from] of states) {
      step(key, from, k.none);
      for (const [bits, f] of k.failed) step(key < 0 ? bits : key | bits, from, f);
    }
    states = next;
  }
  return [...states]
    .filter(([bits]) => bits >= 0)
    .map(([bits, s]) => ({ bits, count: lineTotal(s.line), moves: s.runs.flat() }));
}
