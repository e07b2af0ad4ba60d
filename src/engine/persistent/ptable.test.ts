/**
 * The persistent structures behind the engine's sessions: each agrees with a plain Map or
 * array over random operations, and every old version stays as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PTable } from './ptable';
import { PVec } from './pvec';

describe('PVec', () => {
  it('agrees with an array over pushes and sets, across trie levels', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), fc.nat({ max: 2000 }), (sets, n) => {
        let vec = PVec.empty<number>();
        const ref: number[] = [];
        for (let i = 0; i < n; i++) {
          vec = vec.push(i);
          ref.push(i);
        }
        const before = vec;
        for (const s of sets) {
          if (ref.length === 0) break;
          const i = s % ref.length;
          vec = vec.set(i, -s);
          ref[i] = -s;
        }
        expect(vec.toArray()).toEqual(ref);
        expect([...vec]).toEqual(ref);
        expect(vec.length).toBe(n);
        expect(before.toArray()).toEqual([...Array(n).keys()]);
        for (let i = 0; i < ref.length; i += 97) expect(vec.get(i)).toBe(ref[i]);
        expect(vec.get(n)).toBeUndefined();
      }),
    );
  });
});

interface Row {
  id: number;
  tag: string;
  v: number;
}
const KEYS = { key: (r: Row) => r.id, alt: (r: Row) => r.tag };

describe('PTable', () => {
  it('agrees with an ordered list over random sets and deletes, lookups by key and tag', () => {
    const op = fc.record({
      del: fc.boolean(),
      id: fc.nat({ max: 60 }),
      tag: fc.constantFrom('a', 'b', 'c', 'd'),
      v: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        let table = PTable.empty(KEYS);
        let ref: Row[] = [];
        const versions: [PTable<number, Row>, Row[]][] = [];
        for (const { del, id, tag, v } of ops) {
          versions.push([table, ref]);
          if (del) {
            table = table.delete(id);
            ref = ref.filter((r) => r.id !== id);
          } else {
            const row = { id, tag, v };
            table = table.set(row);
            const i = ref.findIndex((r) => r.id === id);
            ref = i >= 0 ? ref.map((r, j) => (j === i ? row : r)) : [...ref, row];
          }
        }
        versions.push([table, ref]);
        for (const [t, rows] of versions) {
          expect(t.toArray()).toEqual(rows);
          expect(t.length).toBe(rows.length);
          expect(JSON.stringify(t)).toBe(JSON.stringify(rows));
          for (const r of rows) expect(t.get(r.id)).toBe(r);
          for (const tag of ['a', 'b', 'c', 'd']) {
            expect(t.allBy(tag)).toEqual(rows.filter((r) => r.tag === tag));
            expect(t.getBy(tag)).toBe(rows.find((r) => r.tag === tag));
          }
          const order = rows.map((r) => t.order(r.id));
          expect([...order].sort((a, b) => a - b)).toEqual(order);
        }
      }),
    );
  });

  it('a replaced row keeps its place; an unchanged table is the same object', () => {
    const t = PTable.of(KEYS, [
      { id: 1, tag: 'a', v: 0 },
      { id: 2, tag: 'b', v: 0 },
    ]);
    const u = t.set({ id: 1, tag: 'c', v: 9 });
    expect(u.map((r) => r.id)).toEqual([1, 2]);
    expect(u.getBy('a')).toBeUndefined();
    expect(u.getBy('c')?.v).toBe(9);
    expect(t.delete(3)).toBe(t);
    expect(t.getBy('a')?.v).toBe(0);
  });
});

describe('tables built at once', () => {
  it('PTable.of equals the same rows set one by one (PMap.from, PVec.from inside)', () => {
    const row: fc.Arbitrary<Row> = fc.record({
      id: fc.nat({ max: 3000 }),
      tag: fc.constantFrom('a', 'b', 'c'),
      v: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 1200 }), (rows) => {
        let one: PTable<number, Row> = PTable.empty(KEYS);
        for (const r of rows) one = one.set(r);
        const bulk = PTable.of(KEYS, rows);
        expect(bulk).toEqual(one);
        const extra: Row = { id: 1, tag: 'z', v: 0 };
        expect(bulk.set(extra)).toEqual(one.set(extra));
        expect(bulk.delete(rows[0]?.id ?? 0)).toEqual(one.delete(rows[0]?.id ?? 0));
      }),
      { numRuns: 60 },
    );
  });
});

describe('what two versions do not share', () => {
  const op = fc.record({
    del: fc.boolean(),
    id: fc.nat({ max: 80 }),
    tag: fc.constantFrom('a', 'b'),
    v: fc.integer(),
  });
  const apply = (
    t: PTable<number, Row>,
    o: { del: boolean; id: number; tag: string; v: number },
  ) => (o.del ? t.delete(o.id) : t.set({ id: o.id, tag: o.tag, v: o.v }));

  it('changesFrom visits exactly the places whose rows differ, or refuses', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.array(op, { maxLength: 6 }), (a, b) => {
        const older = a.reduce(apply, PTable.empty(KEYS));
        const newer = b.reduce(apply, older);
        const seen: [Row | undefined, Row | undefined][] = [];
        if (!newer.changesFrom(older, (row, was) => seen.push([row, was]))) {
          expect(seen).toEqual([]);
          return;
        }
        // Every visited place differs, and every row added, replaced or dropped is visited.
        for (const [row, was] of seen) expect(row).not.toBe(was);
        const visited = new Set(seen.flatMap(([r, w]) => [r, w]));
        for (const r of newer) if (!older.toArray().includes(r)) expect(visited.has(r)).toBe(true);
        for (const r of older) if (!newer.toArray().includes(r)) expect(visited.has(r)).toBe(true);
      }),
    );
  });

  it('changesFrom walks only the paths a set changed, in a table of 5,000 rows', () => {
    let t: PTable<number, Row> = PTable.empty(KEYS);
    for (let id = 0; id < 5000; id++) t = t.set({ id, tag: 'a', v: 0 });
    const u = t.set({ id: 4321, tag: 'b', v: 1 });
    const seen: number[] = [];
    expect(u.changesFrom(t, (row) => seen.push(row!.id))).toBe(true);
    expect(seen).toEqual([4321]);
    expect(t.changesFrom(t, () => seen.push(-1))).toBe(true);
    expect(seen).toEqual([4321]);
  });

  it('remap gives the rows mapped with the same lookups, and refuses a changed key', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const t = ops.reduce(apply, PTable.empty(KEYS));
        const m = t.remap(KEYS, (r) => ({ ...r, v: r.v + 1 }));
        const ref = t.map((r) => ({ ...r, v: r.v + 1 }));
        expect(m.toArray()).toEqual(ref);
        expect(m).toEqual(PTable.of(KEYS, ref));
        for (const r of ref) expect(m.get(r.id)).toEqual(r);
        for (const tag of ['a', 'b'])
          expect(m.allBy(tag)).toEqual(ref.filter((r) => r.tag === tag));
      }),
    );
    const t = PTable.of(KEYS, [{ id: 1, tag: 'a', v: 0 }]);
    expect(() => t.remap(KEYS, (r) => ({ ...r, tag: 'b' }))).toThrow(/keys of row 1/);
  });
});
