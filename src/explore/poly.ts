/**
 * Counts of runs by length, for combining independent parts of a scenario (components.ts).
 * A `Line` is counts by one length (`line[a]`: runs with a moves); a `Grid` by two (`grid[a][b]`:
 * a moves before the kexec, b after). Interleaving two independent runs of lengths a and a' gives
 * C(a + a', a) runs, so counts combine by convolution with binomial coefficients; all BigInt.
 */

export type Line = bigint[];
export type Grid = bigint[][];

const pascal: bigint[][] = [[1n]];

/** C(n, k) for 0 <= k <= n. */
export function binom(n: number, k: number): bigint {
  while (pascal.length <= n) {
    const prev = pascal[pascal.length - 1]!;
    const row = [1n];
    for (let i = 1; i < prev.length; i++) row.push(prev[i - 1]! + prev[i]!);
    row.push(1n);
    pascal.push(row);
  }
  return pascal[n]![k]!;
}

/** Adds `n` at index `i` of a line. */
export function addAt(line: Line, i: number, n: bigint) {
  while (line.length <= i) line.push(0n);
  line[i]! += n;
}

export function addGrid(into: Grid, from: Grid) {
  from.forEach((row, a) => {
    while (into.length <= a) into.push([]);
    row.forEach((n, b) => n && addAt(into[a]!, b, n));
  });
}

/** Interleavings of two independent parts counted by length: c[A] = sum n1[a] n2[A-a] C(A,a). */
export function interleaveLines(x: Line, y: Line): Line {
  const out: Line = [];
  x.forEach((n, a) => {
    if (!n) return;
    y.forEach((m, b) => m && addAt(out, a + b, n * m * binom(a + b, a)));
  });
  return out;
}

/** The same on grids: each of the two lengths is interleaved on its own. */
export function interleaveGrids(x: Grid, y: Grid): Grid {
  const out: Grid = [];
  x.forEach((row, a) =>
    row.forEach((n, b) => {
      if (!n) return;
      y.forEach((row2, a2) => {
        const ca = n * binom(a + a2, a);
        const line = (out[a + a2] ??= []);
        row2.forEach((m, b2) => m && addAt(line, b + b2, ca * m * binom(b + b2, b)));
      });
    }),
  );
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

export function lineTotal(line: Line): bigint {
  return line.reduce((s, n) => s + n, 0n);
}

/**
 * The binomial transform t[k][l] = sum n[a][b] C(a,k) C(b,l). By Vandermonde's identity
 * C(a + a', a) = sum_k C(a,k) C(a',k), so the number of interleavings of two parts is the dot
 * product of their transforms (`interleavedTotal`), without the product grid.
 */
export function transform(grid: Grid, size: number): bigint[] {
  const rows: bigint[][] = grid.map((row) => {
    const out = new Array<bigint>(size).fill(0n);
    row.forEach((n, b) => {
      if (!n) return;
      for (let l = 0; l <= b && l < size; l++) out[l]! += n * binom(b, l);
    });
    return out;
  });
  const t = new Array<bigint>(size * size).fill(0n);
  rows.forEach((row, a) => {
    for (let k = 0; k <= a && k < size; k++) {
      const c = binom(a, k);
      for (let l = 0; l < size; l++) if (row[l]) t[k * size + l]! += c * row[l]!;
    }
  });
  return t;
}

/** Total interleavings of two parts from their transforms (same size). */
export function interleavedTotal(t1: readonly bigint[], t2: readonly bigint[]): bigint {
  let s = 0n;
  for (let i = 0; i < t1.length; i++) if (t1[i] && t2[i]) s += t1[i]! * t2[i]!;
  return s;
}

/** One more than the largest length in either dimension. */
export function gridSize(grid: Grid): number {
  let n = grid.length;
  for (const row of grid) n = Math.max(n, row?.length ?? 0);
  return n;
}
