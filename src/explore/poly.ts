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
  if (x.length === 0 || y.length === 0) return [];
  const wx = width(x);
  const wy = width(y);
  const out: Grid = Array.from({ length: x.length + y.length - 1 }, () =>
    new Array<bigint>(wx + wy - 1).fill(0n),
  );
  binom(x.length + y.length + wx + wy, 0);
  for (let a = 0; a < x.length; a++) {
    const row = x[a];
    if (!row) continue;
    for (let b = 0; b < row.length; b++) {
      const n = row[b];
      if (!n) continue;
      for (let a2 = 0; a2 < y.length; a2++) {
        const row2 = y[a2];
        if (!row2) continue;
        const ca = n * pascal[a + a2]![a]!;
        const line = out[a + a2]!;
        const pb = pascal;
        for (let b2 = 0; b2 < row2.length; b2++) {
          const m = row2[b2];
          if (m) line[b + b2]! += ca * m * pb[b + b2]![b]!;
        }
      }
    }
  }
  return out;
}

function width(grid: Grid): number {
  let n = 0;
  for (const row of grid) n = Math.max(n, row?.length ?? 0);
  return n;
}

export function lineTotal(line: Line): bigint {
  return line.reduce((s, n) => s + n, 0n);
}

/**
 * The binomial transform t[k][l] = sum n[a][b] C(a,k) C(b,l). By Vandermonde's identity
 * C(a + a', a) = sum_k C(a,k) C(a',k), so the number of interleavings of two parts is the dot
 * product of their transforms (`interleavedTotal`), without the product grid.
 */
export function transform(grid: Grid): bigint[][] {
  const w = width(grid);
  binom(grid.length + w, 0);
  const rows = grid.map((row) => {
    const out = new Array<bigint>(w).fill(0n);
    if (!row) return out;
    for (let b = 0; b < row.length; b++) {
      const n = row[b];
      if (!n) continue;
      const c = pascal[b]!;
      for (let l = 0; l <= b; l++) out[l]! += n * c[l]!;
    }
    return out;
  });
  const t = Array.from({ length: grid.length }, () => new Array<bigint>(w).fill(0n));
  rows.forEach((row, a) => {
    const c = pascal[a]!;
    for (let k = 0; k <= a; k++) {
      const tk = t[k]!;
      for (let l = 0; l < w; l++) if (row[l]) tk[l]! += c[k]! * row[l]!;
    }
  });
  return t;
}

/** Total interleavings of two parts from their transforms. */
export function interleavedTotal(t1: readonly bigint[][], t2: readonly bigint[][]): bigint {
  let s = 0n;
  const n = Math.min(t1.length, t2.length);
  for (let k = 0; k < n; k++) {
    const r1 = t1[k]!;
    const r2 = t2[k]!;
    const m = Math.min(r1.length, r2.length);
    for (let l = 0; l < m; l++) if (r1[l] && r2[l]) s += r1[l]! * r2[l]!;
  }
  return s;
}
