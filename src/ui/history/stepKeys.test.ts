import { describe, expect, it } from 'vitest';
import { stepKeyTarget } from './stepKeys';

describe('stepKeyTarget', () => {
  it('moves one step with the arrows, to either end with Home and End', () => {
    expect(
      ['ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowRight', 'Home', 'End'].map((k) =>
        stepKeyTarget(k, 3, 7),
      ),
    ).toEqual([2, 2, 4, 4, 0, 7]);
  });

  it('leaves other keys alone and reports moves past either end as such', () => {
    expect(stepKeyTarget('Enter', 3, 7)).toBeNull();
    expect(stepKeyTarget('ArrowUp', 0, 7)).toBe(-1);
    expect(stepKeyTarget('ArrowDown', 7, 7)).toBe(8);
  });
});
