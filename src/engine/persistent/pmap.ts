/**
 * A small persistent map from strings to values (a hash array mapped trie, with bitmap nodes
 * that hold only the children present): `set` and `delete` return a new map sharing all but
 * one path with the old one, so a step that changes one session handle costs O(log n) and
 * copies a few short arrays, not every handle. The engine's states stay immutable values.
 */

const BITS = 5;
const MASK = (1 << BITS) - 1;

/** A key with its value and the key's hash. */
class Entry<V> {
  constructor(
    readonly key: string,
    readonly hash: number,
    readonly value: V,
  ) {}
}

/** Keys whose whole hash is equal (past the last level). */
class Collision<V> {
  constructor(
    readonly hash: number,
    readonly entries: readonly Entry<V>[],
  ) {}
}

/** A level: a bit per slot present, and the children of the present slots, in slot order. */
class Branch<V> {
  constructor(
    readonly bitmap: number,
    readonly kids: readonly Node<V>[],
  ) {}
}

type Node<V> = Entry<V> | Collision<V> | Branch<V>;

/** FNV-1a, 32 bits. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function slotOf(h: number, shift: number): number {
  return 1 << ((h >>> shift) & MASK);
}

/** A branch (or collision) holding two nodes with different keys (a collision moved up by a delete is one such node). */
function pair<V>(a: Entry<V> | Collision<V>, b: Entry<V>, shift: number): Node<V> {
  if (shift >= 32) {
    const entries = a instanceof Entry ? [a] : a.entries;
    return new Collision(a.hash, [...entries, b]);
  }
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) return new Branch(1 << ia, [pair(a, b, shift + BITS)]);
  return new Branch((1 << ia) | (1 << ib), ia < ib ? [a, b] : [b, a]);
}

function setIn<V>(node: Node<V>, entry: Entry<V>, shift: number): Node<V> {
  if (node instanceof Entry) {
    if (node.key === entry.key) return node.value === entry.value ? node : entry;
    return pair(node, entry, shift);
  }
  if (node instanceof Collision) {
    if (node.hash !== entry.hash) return pair(node, entry, shift);
    const i = node.entries.findIndex((e) => e.key === entry.key);
    const entries = [...node.entries];
    if (i >= 0) entries[i] = entry;
    else entries.push(entry);
    return new Collision(node.hash, entries);
  }
  const bit = slotOf(entry.hash, shift);
  const i = popcount(node.bitmap & (bit - 1));
  const kids = node.kids.slice();
  if (node.bitmap & bit) {
    const kid = setIn(node.kids[i]!, entry, shift + BITS);
    if (kid === node.kids[i]) return node;
    kids[i] = kid;
    return new Branch(node.bitmap, kids);
  }
  kids.splice(i, 0, entry);
  return new Branch(node.bitmap | bit, kids);
}

/** The node without `key`; undefined when nothing is left; the same node when it had none. */
function deleteIn<V>(node: Node<V>, key: string, h: number, shift: number): Node<V> | undefined {
  if (node instanceof Entry) return node.key === key ? undefined : node;
  if (node instanceof Collision) {
    const entries = node.entries.filter((e) => e.key !== key);
    if (entries.length === node.entries.length) return node;
    return entries.length === 1 ? entries[0] : new Collision(node.hash, entries);
  }
  const bit = slotOf(h, shift);
  if (!(node.bitmap & bit)) return node;
  const i = popcount(node.bitmap & (bit - 1));
  const kid = deleteIn(node.kids[i]!, key, h, shift + BITS);
  if (kid === node.kids[i]) return node;
  const kids = node.kids.slice();
  if (kid === undefined) kids.splice(i, 1);
  else kids[i] = kid;
  const bitmap = kid === undefined ? node.bitmap & ~bit : node.bitmap;
  if (kids.length === 0) return undefined;
  // A lone entry moves up, so a map's shape depends only on its keys.
  if (kids.length === 1 && !(kids[0] instanceof Branch)) return kids[0];
  return new Branch(bitmap, kids);
}

/** The node holding `list` (distinct keys, at least one) from level `shift` down. */
function build<V>(list: readonly Entry<V>[], shift: number): Node<V> {
  if (list.length === 1) return list[0]!;
  if (shift >= 32) return new Collision(list[0]!.hash, list);
  let bitmap = 0;
  for (const e of list) bitmap |= slotOf(e.hash, shift);
  // Every key in one slot: one level further down, with nothing to split here.
  if ((bitmap & (bitmap - 1)) === 0) return new Branch(bitmap, [build(list, shift + BITS)]);
  const buckets: Entry<V>[][] = [];
  for (let n = popcount(bitmap); n > 0; n--) buckets.push([]);
  for (const e of list) buckets[popcount(bitmap & (slotOf(e.hash, shift) - 1))]!.push(e);
  return new Branch(
    bitmap,
    buckets.map((bucket) => build(bucket, shift + BITS)),
  );
}

/** An immutable string-keyed map (`undefined` is not a value it stores). */
export class PMap<V> {
  private constructor(private readonly root: Node<V> | undefined) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(undefined);
  }

  /**
   * A map of these entries at once (a later entry of a key wins), in O(n): the same map as
   * setting them one by one, without copying a path per entry.
   */
  static from<V>(entries: Iterable<readonly [string, V]>): PMap<V> {
    const last = new Map<string, V>();
    for (const [k, v] of entries) last.set(k, v);
    return PMap.fromDistinct([...last.keys()], [...last.values()]);
  }

  /** A map of these keys, all distinct, to the values at the same positions, in O(n). */
  static fromDistinct<V>(keys: readonly string[], values: readonly V[]): PMap<V> {
    if (keys.length === 0) return PMap.empty();
    const list = keys.map((k, i) => new Entry(k, hash(k), values[i]!));
    return new PMap(build(list, 0));
  }

  get(key: string): V | undefined {
    const h = hash(key);
    let node = this.root;
    let shift = 0;
    while (node instanceof Branch) {
      const bit = slotOf(h, shift);
      if (!(node.bitmap & bit)) return undefined;
      node = node.kids[popcount(node.bitmap & (bit - 1))];
      shift += BITS;
    }
    if (node instanceof Entry) return node.key === key ? node.value : undefined;
    return node?.entries.find((e) => e.key === key)?.value;
  }

  set(key: string, value: V): PMap<V> {
    const entry = new Entry(key, hash(key), value);
    if (this.root === undefined) return new PMap(entry);
    const root = setIn(this.root, entry, 0);
    return root === this.root ? this : new PMap(root);
  }

  /** The map without `key` (the same map when it has no such key). */
  delete(key: string): PMap<V> {
    if (this.root === undefined) return this;
    const root = deleteIn(this.root, key, hash(key), 0);
    return root === this.root ? this : new PMap(root);
  }

  /** Every entry, in no particular order. */
  entries(): [string, V][] {
    const out: [string, V][] = [];
    const walk = (node: Node<V> | undefined) => {
      if (node instanceof Entry) out.push([node.key, node.value]);
      else if (node instanceof Collision) for (const e of node.entries) out.push([e.key, e.value]);
      else if (node) node.kids.forEach(walk);
    };
    walk(this.root);
    return out;
  }
}
