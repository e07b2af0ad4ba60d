import { describe, expect, it } from 'vitest';
import { formatCount, formatShare, plural } from './format';

describe('formatCount', () => {
  it('groups digits by thousands and stays exact past 2^53', () => {
    expect(formatCount(0n)).toBe('0');
    expect(formatCount(999n)).toBe('999');
    expect(formatCount(1000n)).toBe('1,000');
    expect(formatCount(548738n)).toBe('548,738');
    expect(formatCount(1356214084063664810n)).toBe('1,356,214,084,063,664,810');
    expect(formatCount(2n ** 64n + 1n)).toBe('18,446,744,073,709,551,617');
  });

  it('says steps and states in words', () => {
    expect(plural(1, 'step')).toBe('1 step');
    expect(plural(7, 'step')).toBe('7 steps');
    expect(plural(12345, 'state')).toBe('12,345 states');
    expect(plural(1n, 'run')).toBe('1 run');
  });
});

describe('formatShare', () => {
  it('prints four significant digits, exact from BigInts', () => {
    expect(formatShare(3n, 4n)).toBe('75.00 %');
    expect(formatShare(1n, 3n)).toBe('33.33 %');
    expect(formatShare(2n, 3n)).toBe('66.66 %');
    expect(formatShare(1n, 132n)).toBe('0.7575 %');
    expect(formatShare(1n, 13200n)).toBe('0.007575 %');
    expect(formatShare(0n, 5n)).toBe('0 %');
    expect(formatShare(5n, 5n)).toBe('100 %');
  });

  it('never shows a class of 1 run in 10^40 as 0', () => {
    expect(formatShare(1n, 10n ** 40n)).toBe('1.000e-38 %');
    expect(formatShare(10n ** 40n - 1n, 10n ** 40n)).toBe('99.99 %');
    expect(formatShare(3n, 10n ** 9n)).toBe('3.000e-7 %');
  });
});
