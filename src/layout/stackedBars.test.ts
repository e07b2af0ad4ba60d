import { describe, expect, it } from 'vitest';
import { MIN_WIDTH, fraction, stackedBars } from './stackedBars';

describe('stackedBars', () => {
  it('splits each bar by share, filling the width', () => {
    const [bar] = stackedBars(
      [
        {
          id: 'A',
          parts: [
            { key: 'clean', count: 3n },
            { key: 'orphan', count: 1n },
          ],
        },
      ],
      400,
      40,
    );
    expect(bar!.segments.map((s) => [s.key, s.x, s.width])).toEqual([
      ['clean', 0, 300],
      ['orphan', 300, 100],
    ]);
  });

  it('keeps a share of 1 in 10^40 visible, and drops empty parts', () => {
    const parts = [
      { key: 'clean', count: 10n ** 40n - 1n },
      { key: 'rare', count: 1n },
      { key: 'none', count: 0n },
    ];
    const [bar] = stackedBars([{ id: 'A', parts }], 400, 40);
    expect(bar!.segments.map((s) => s.key)).toEqual(['clean', 'rare']);
    expect(bar!.segments[1]!.width).toBe(MIN_WIDTH);
    const end = bar!.segments.at(-1)!;
    expect(end.x + end.width).toBeCloseTo(400);
    expect(fraction(1n, 10n ** 40n)).toBeCloseTo(0, 30);
  });

  it('gives each variant its own row', () => {
    const bars = stackedBars(
      ['A', 'B'].map((id) => ({ id, parts: [{ key: 'clean', count: 1n }] })),
      100,
      100,
    );
    expect(bars[1]!.y).toBeGreaterThan(bars[0]!.y + bars[0]!.height);
  });
});
