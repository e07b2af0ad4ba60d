import { describe, expect, it } from 'vitest';
import { TOUR_KEY, readResume, readTourParam, tourSearch, writeResume } from './tour';

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe('?tour=<n>', () => {
  it('names a step from 1', () => {
    expect(readTourParam('?tour=4')).toEqual({ index: 3, notice: null });
    expect(readTourParam('?scenario=seed')).toEqual({ index: null, notice: null });
  });

  it('refuses what is not a step number, with a notice', () => {
    for (const bad of ['0', '-1', 'two', '1.5', '']) {
      const read = readTourParam(`?tour=${bad}`);
      expect(read.index).toBeNull();
      expect(read.notice).toMatch(/^Unknown tour step ".*": \?tour= takes a step number/);
    }
  });

  it('follows the step shown and goes when the tour closes', () => {
    expect(tourSearch('?scenario=seed&variant=A', 2)).toBe('?scenario=seed&variant=A&tour=3');
    expect(tourSearch('?tour=3&variant=B', null)).toBe('?variant=B');
    expect(tourSearch('?tour=3', null)).toBe('');
  });
});

describe('the resume point', () => {
  it('is kept in storage and read back', () => {
    const storage = memory();
    writeResume(storage, 3);
    expect(JSON.parse(storage.map.get(TOUR_KEY)!)).toEqual({ format: 'luoscope/tour@1', step: 4 });
    expect(readResume(storage)).toBe(3);
    writeResume(storage, null);
    expect(readResume(storage)).toBeNull();
  });

  it('ignores data that is not a resume point, and storage that throws', () => {
    const storage = memory();
    for (const text of ['{', '"x"', '{"format":"luoscope/tour@2","step":2}', '{"step":"2"}']) {
      storage.setItem(TOUR_KEY, text);
      expect(readResume(storage)).toBeNull();
    }
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readResume(broken)).toBeNull();
    expect(() => writeResume(broken, 1)).not.toThrow();
  });
});
