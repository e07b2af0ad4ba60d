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

describe('?kernel=', () => {
  it('reads a tree; an unknown one opens 2026-06 with a notice', () => {
    expect(readLocation('?kernel=posted-2026-09').kernel).toBe('posted-2026-09');
    expect(readLocation('').kernel).toBe('2026-06');
    const bad = readLocation('?kernel=v9');
    expect(bad.kernel).toBe('2026-06');
    expect(bad.notice).toMatch(
      /Unknown kernel tree "v9": opened 2026-06 instead \(known: 2026-06, v7.3/,
    );
  });

  it('is written only for a tree other than 2026-06', () => {
    expect(searchFor('?kernel=v7.3', 'seed', 'A')).toBe('?scenario=seed&variant=A');
    expect(searchFor('', 'seed', 'C', 'posted-2026-09')).toBe(
      '?scenario=seed&variant=C&kernel=posted-2026-09',
    );
  });
});
