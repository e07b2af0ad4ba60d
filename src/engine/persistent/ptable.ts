/**
 * A persistent, ordered, keyed table: the engine's sessions (keyed by sid, looked up by name)
 * and a session's files (keyed by token, looked up by file id). `set` and `delete` return a
 * new table sharing all but a few paths with the old one, O(log n); lookups by key or by the
 * secondary key are O(log n) too. So a step that changes one session or one file costs the
 * same in a run of 3 sessions as in one of 30,000, and every state of a replay stays a value.
 *
 * It reads like a readonly array (insertion order, `length`, `find`, `some`, `map`, ...,
 * `toJSON` giving the array), so code that only reads a session list reads it as before.
 */
import { PMap } from './pmap';
import { PVec } from './pvec';

type Key = string | number;

/** How a table finds its rows: the unique key, and an optional secondary key (not unique). */
export interface TableKeys<K extends Key, V> {
  key: (value: V) => K;
  alt?: (value: V) => string;
}

const arrays = new WeakMap<object, readonly unknown[]>();

/** An immutable table of rows in insertion order; a row replaced by `set` keeps its place. */
export class PTable<K extends Key, V> implements Iterable<V> {
  private constructor(
    private readonly keys: TableKeys<K, V>,
    /** Rows by position; a deleted row leaves a hole until the next compaction. */
    private readonly rows: PVec<V | undefined>,
    /** Position of each key. */
    private readonly pos: PMap<number>,
    /** Keys of each secondary key, in insertion order. */
    private readonly byAlt: PMap<readonly K[]>,
    /** Number of rows (holes not counted). */
    readonly length: number,
  ) {}

  static empty<K extends Key, V>(keys: TableKeys<K, V>): PTable<K, V> {
    return new PTable<K, V>(keys, PVec.empty(), PMap.empty(), PMap.empty(), 0);
  }

  /**
   * A table of these rows, in this order (a later row replaces an earlier one of its key, in
   * its place), built at once in O(n): the same table as setting them one by one.
   */
  static of<K extends Key, V>(keys: TableKeys<K, V>, rows: Iterable<V>): PTable<K, V> {
    const at = new Map<K, number>();
    const list: V[] = [];
    for (const row of rows) {
      const key = keys.key(row);
      const p = at.get(key);
      if (p === undefined) {
        at.set(key, list.length);
        list.push(row);
      } else list[p] = row;
    }
    const byAlt = new Map<string, K[]>();
    if (keys.alt) {
      for (const row of list) {
        const alt = keys.alt(row);
        const ks = byAlt.get(alt);
        if (ks) ks.push(keys.key(row));
        else byAlt.set(alt, [keys.key(row)]);
      }
    }
    const posKeys: string[] = [];
    const positions: number[] = [];
    for (const [k, p] of at) {
      posKeys.push(String(k));
      positions.push(p);
    }
    return new PTable<K, V>(
      keys,
      PVec.from<V | undefined>(list),
      PMap.fromDistinct(posKeys, positions),
      PMap.fromDistinct<readonly K[]>([...byAlt.keys()], [...byAlt.values()]),
      list.length,
    );
  }

  /**
   * The table with each row replaced by `fn(row)`, which keeps the row's key and secondary
   * key: the indexes are shared, only the rows are new. A row whose keys change is an error.
   */
  remap<U>(keys: TableKeys<K, U>, fn: (row: V) => U): PTable<K, U> {
    const rows = this.toArray().map((row) => {
      const out = fn(row);
      if (keys.key(out) !== this.keys.key(row) || keys.alt?.(out) !== this.keys.alt?.(row)) {
        throw new RangeError(`remap changed the keys of row ${String(this.keys.key(row))}`);
      }
      return out;
    });
    // With holes, positions are not indexes of the rows: built again, compact.
    if (rows.length !== this.rows.length) return PTable.of(keys, rows);
    return new PTable<K, U>(
      keys,
      PVec.from<U | undefined>(rows),
      this.pos,
      this.byAlt,
      this.length,
    );
  }

  /** The row with this key. */
  get(key: K): V | undefined {
    const p = this.pos.get(String(key));
    return p === undefined ? undefined : this.rows.get(p);
  }

  has(key: K): boolean {
    return this.pos.get(String(key)) !== undefined;
  }

  /** A number that sorts rows by their place in the table (-1 for a key it does not hold). */
  order(key: K): number {
    return this.pos.get(String(key)) ?? -1;
  }

  /** The first row (in order) whose secondary key is `alt`. */
  getBy(alt: string): V | undefined {
    const ks = this.byAlt.get(alt);
    return ks && ks.length > 0 ? this.get(ks[0]!) : undefined;
  }

  /** Every row whose secondary key is `alt`, in order. */
  allBy(alt: string): V[] {
    return (this.byAlt.get(alt) ?? []).map((k) => this.get(k)!);
  }

  /** The table with `row` added at the end, or put in the place of the row of its key. */
  set(row: V): PTable<K, V> {
    const key = this.keys.key(row);
    const p = this.pos.get(String(key));
    const old = p === undefined ? undefined : this.rows.get(p);
    let byAlt = this.byAlt;
    if (this.keys.alt) {
      const alt = this.keys.alt(row);
      const before = old === undefined ? undefined : this.keys.alt(old);
      if (before !== alt) {
        if (before !== undefined) byAlt = dropKey(byAlt, before, key);
        byAlt = byAlt.set(alt, this.withKey(byAlt.get(alt) ?? [], key, p));
      }
    }
    if (p !== undefined) {
      return new PTable(this.keys, this.rows.set(p, row), this.pos, byAlt, this.length);
    }
    return new PTable(
      this.keys,
      this.rows.push(row),
      this.pos.set(String(key), this.rows.length),
      byAlt,
      this.length + 1,
    );
  }

  /** A secondary key's list of keys with `key` added in table order (last for a new row). */
  private withKey(keys: readonly K[], key: K, p: number | undefined): readonly K[] {
    if (p === undefined) return [...keys, key];
    const i = keys.findIndex((k) => this.order(k) > p);
    return i < 0 ? [...keys, key] : [...keys.slice(0, i), key, ...keys.slice(i)];
  }

  /** The table without the row of `key` (the same table when it has none). */
  delete(key: K): PTable<K, V> {
    const p = this.pos.get(String(key));
    if (p === undefined) return this;
    const old = this.rows.get(p)!;
    const byAlt = this.keys.alt ? dropKey(this.byAlt, this.keys.alt(old), key) : this.byAlt;
    const next = new PTable(
      this.keys,
      this.rows.set(p, undefined),
      this.pos.delete(String(key)),
      byAlt,
      this.length - 1,
    );
    // Compact once holes outnumber rows, so iteration stays O(rows), amortized.
    return next.rows.length > 32 && next.rows.length > 2 * next.length
      ? PTable.of(this.keys, next)
      : next;
  }

  /**
   * Calls `visit` with the row of this table and the row of `older` at each place where the
   * two differ (by identity; either may be undefined), walking only what they do not share.
   * Returns false, with no call, when they cannot be compared that way.
   */
  changesFrom(
    older: PTable<K, V>,
    visit: (row: V | undefined, was: V | undefined) => void,
  ): boolean {
    return this.rows.changesFrom(older.rows, (i) => visit(this.rows.get(i), older.rows.get(i)));
  }

  /** A table with the same keys and no row. */
  cleared(): PTable<K, V> {
    return this.length === 0 ? this : PTable.empty(this.keys);
  }

  /** The rows in order, as an array (made once per table). */
  toArray(): readonly V[] {
    let out = arrays.get(this) as readonly V[] | undefined;
    if (!out) {
      const rows = this.rows.toArray();
      out = rows.length === this.length ? (rows as V[]) : rows.filter((r) => r !== undefined);
      arrays.set(this, out);
    }
    return out;
  }

  [Symbol.iterator](): Iterator<V> {
    return this.toArray()[Symbol.iterator]();
  }

  at(i: number): V | undefined {
    return this.toArray().at(i);
  }
  entries(): IterableIterator<[number, V]> {
    return this.toArray().entries();
  }
  find(pred: (row: V, i: number) => unknown): V | undefined {
    return this.toArray().find(pred);
  }
  some(pred: (row: V, i: number) => unknown): boolean {
    return this.toArray().some(pred);
  }
  filter(pred: (row: V, i: number) => unknown): V[] {
    return this.toArray().filter(pred);
  }
  map<U>(fn: (row: V, i: number) => U): U[] {
    return this.toArray().map(fn);
  }
  flatMap<U>(fn: (row: V, i: number) => U | readonly U[]): U[] {
    return this.toArray().flatMap(fn);
  }
  forEach(fn: (row: V, i: number) => void): void {
    this.toArray().forEach(fn);
  }
  slice(start?: number, end?: number): V[] {
    return this.toArray().slice(start, end);
  }
  /** JSON of a table is the JSON of its rows, as when they were an array. */
  toJSON(): readonly V[] {
    return this.toArray();
  }
}

function dropKey<K extends Key>(byAlt: PMap<readonly K[]>, alt: string, key: K) {
  const ks = (byAlt.get(alt) ?? []).filter((k) => k !== key);
  return ks.length === 0 ? byAlt.delete(alt) : byAlt.set(alt, ks);
}
