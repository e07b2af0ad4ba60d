import { describe, expect, it } from 'vitest';
import { formatCount, plural } from './format';

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
