/** The persistent map behind session handles: a set never changes the map it came from. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PMap } from './pmap';

describe('PMap', () => {
  it('agrees with a Map over random sets, and old versions stay as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer())), (ops) => {
        let map = PMap.empty<number>();
        const model = new Map<string, number>();
        const versions: [PMap<number>, Map<string, number>][] = [];
        for (const [k, v] of ops) {
          versions.push([map, new Map(model)]);
          map = map.set(k, v);
          model.set(k, v);
        }
        versions.push([map, model]);
        for (const [m, ref] of versions) {
          for (const [k, v] of ref) expect(m.get(k)).toBe(v);
          expect(new Map(m.entries())).toEqual(ref);
        }
      }),
    );
  });

  it('holds thousands of keys', () => {
    let map = PMap.empty<number>();
    for (let i = 0; i < 5000; i++) map = map.set(`s${i}`, i);
    expect(map.get('s4321')).toBe(4321);
    expect(map.get('nope')).toBeUndefined();
    expect(map.entries()).toHaveLength(5000);
  });
});
