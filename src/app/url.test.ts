import { describe, expect, it } from 'vitest';
import { readLocation, searchFor } from './url';

describe('readLocation', () => {
  it('opens seed under A without parameters', () => {
    expect(readLocation('')).toMatchObject({ variant: 'A', notice: null });
    expect(readLocation('').scenario.id).toBe('seed');
  });

  it('reads a preset, a bench scenario and a variant', () => {
    const loc = readLocation('?scenario=vm-full&variant=D');
    expect([loc.scenario.id, loc.variant, loc.notice]).toEqual(['vm-full', 'D', null]);
    expect(readLocation('?scenario=bench-128').scenario.files).toHaveLength(128);
  });

  it('falls back to the default with a notice for unknown values', () => {
    const loc = readLocation('?scenario=nope&variant=E');
    expect(loc.scenario.id).toBe('seed');
    expect(loc.variant).toBe('A');
    expect(loc.notice).toMatch(/Unknown scenario "nope".*Unknown variant "E"/);
  });
});

describe('searchFor', () => {
  it('sets scenario and variant, keeping other parameters', () => {
    expect(searchFor('?x=1&variant=B', 'cycle', 'C')).toBe('?x=1&variant=C&scenario=cycle');
  });
});
