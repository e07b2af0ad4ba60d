/**
 * The persistent map behind session handles and the session tables: a set or a delete never
 * changes the map it came from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PMap } from './pmap';

/** Short keys, so that random runs set and delete the same keys often. */
const KEY = fc.string({ maxLength: 3 });

describe('PMap', () => {
  it('agrees with a Map over random sets and deletes, old versions unchanged', () => {
    const op = fc.oneof(
      fc.record({ del: fc.constant(false), k: KEY, v: fc.integer() }),
      fc.record({ del: fc.constant(true), k: KEY, v: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let map = PMap.empty<number>();
        const model = new Map<string, number>();
        const versions: [PMap<number>, Map<string, number>][] = [];
        for (const { del, k, v } of ops) {
          versions.push([map, new Map(model)]);
          if (del) {
            map = map.delete(k);
            model.delete(k);
          } else {
            map = map.set(k, v);
            model.set(k, v);
          }
        }
        versions.push([map, model]);
        for (const [m, ref] of versions) {
          for (const [k, v] of ref) expect(m.get(k)).toBe(v);
          expect(new Map(m.entries())).toEqual(ref);
        }
      }),
    );
  });

  it('holds 100,000 keys and deletes them all', () => {
    let map = PMap.empty<number>();
    for (let i = 0; i < 100_000; i++) map = map.set(String(i), i);
    for (let i = 0; i < 100_000; i += 7) expect(map.get(String(i))).toBe(i);
    for (let i = 0; i < 100_000; i++) map = map.delete(String(i));
    expect(map.entries()).toEqual([]);
  });
  it('holds thousands of keys', () => {
    let map = PMap.empty<number>();
    for (let i = 0; i < 5000; i++) map = map.set(`s${i}`, i);
    expect(map.get('s4321')).toBe(4321);
    expect(map.get('nope')).toBeUndefined();
    expect(map.entries()).toHaveLength(5000);
  });
});
