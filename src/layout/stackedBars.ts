/**
 * Geometry of the explorer's chart: one horizontal bar per variant, split into the share of
 * runs of each exact set of classes. d3-scale maps shares to pixels; a share too small to see
 * still gets MIN_WIDTH pixels (its exact value is printed beside the bar), taken from the
 * widest part. Plain data: React draws it.
 */
import { scaleBand, scaleLinear } from 'd3-scale';

export interface BarInput {
  id: string;
  /** Parts in drawing order: a key and its exact count. */
  parts: readonly { key: string; count: bigint }[];
}

export interface BarSegment {
  key: string;
  x: number;
  width: number;
}

export interface Bar {
  id: string;
  y: number;
  height: number;
  segments: BarSegment[];
}

export const MIN_WIDTH = 3;

/** A count as a fraction of a total, good to 1e-12 relative (enough for pixels). */
export function fraction(count: bigint, total: bigint): number {
  if (total === 0n) return 0;
  const SCALE = 10n ** 15n;
  return Number((count * SCALE) / total) / Number(SCALE);
}

/** Lays out one bar per input, `width` wide, stacked down in a band of `height`. */
export function stackedBars(inputs: readonly BarInput[], width: number, height: number): Bar[] {
  const y = scaleBand<string>()
    .domain(inputs.map((i) => i.id))
    .range([0, height])
    .paddingInner(0.35);
  return inputs.map((input) => {
    const total = input.parts.reduce((sum, p) => sum + p.count, 0n);
    const shown = input.parts.filter((p) => p.count > 0n);
    const raw = shown.map((p) => fraction(p.count, total));
    const small = raw.filter((f) => f * width < MIN_WIDTH).length;
    const room = Math.max(0, width - small * MIN_WIDTH);
    const bigShare = raw.filter((f) => f * width >= MIN_WIDTH).reduce((a, b) => a + b, 0);
    const x = scaleLinear()
      .domain([0, bigShare || 1])
      .range([0, room]);
    let at = 0;
    const segments = shown.map((p, i) => {
      const f = raw[i]!;
      const w = f * width < MIN_WIDTH ? MIN_WIDTH : x(f);
      const seg = { key: p.key, x: at, width: w };
      at += w;
      return seg;
    });
    return { id: input.id, y: y(input.id) ?? 0, height: y.bandwidth(), segments };
  });
}
