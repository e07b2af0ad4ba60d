/**
 * A persistent vector (a 32-way trie indexed by position, as in Clojure's): `push` and `set`
 * return a new vector sharing all but one path with the old one, O(log32 n); reading an index
 * walks the same path. The engine's session tables are built on it.
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** A level of the trie: child nodes above the bottom, values at the bottom. */
type Node = readonly unknown[];

function setIn(node: Node | undefined, shift: number, i: number, value: unknown): Node {
  const copy = node ? node.slice() : [];
  if (shift === 0) copy[i & MASK] = value;
  else {
    const slot = (i >>> shift) & MASK;
    copy[slot] = setIn(node?.[slot] as Node | undefined, shift - BITS, i, value);
  }
  return copy;
}

/** Calls `visit` with each index under these two nodes whose values differ (by identity). */
function diffIn(
  a: Node | undefined,
  b: Node | undefined,
  shift: number,
  base: number,
  visit: (i: number) => void,
): void {
  if (a === b) return;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let slot = 0; slot < n; slot++) {
    if (shift === 0) {
      if (a?.[slot] !== b?.[slot]) visit(base + slot);
    } else {
      const at = base + slot * (1 << shift);
      diffIn(a?.[slot] as Node | undefined, b?.[slot] as Node | undefined, shift - BITS, at, visit);
    }
  }
}

function walk(node: Node, shift: number, out: unknown[], length: number): void {
  if (shift === 0) {
    for (let i = 0; i < node.length && out.length < length; i++) out.push(node[i]);
    return;
  }
  for (let i = 0; i < node.length && out.length < length; i++) {
    walk(node[i] as Node, shift - BITS, out, length);
  }
}

/** An immutable vector. */
export class PVec<T> implements Iterable<T> {
  private constructor(
    readonly length: number,
    private readonly shift: number,
    private readonly root: Node,
  ) {}

  static empty<T>(): PVec<T> {
    return new PVec<T>(0, 0, []);
  }

  /** A vector of these values at once: the same trie as pushing them one by one, in O(n). */
  static from<T>(values: readonly T[]): PVec<T> {
    if (values.length <= WIDTH) return new PVec<T>(values.length, 0, values.slice());
    let level: Node[] = [];
    for (let i = 0; i < values.length; i += WIDTH) level.push(values.slice(i, i + WIDTH));
    let shift = 0;
    while (level.length > 1) {
      const up: Node[] = [];
      for (let i = 0; i < level.length; i += WIDTH) up.push(level.slice(i, i + WIDTH));
      level = up;
      shift += BITS;
    }
    return new PVec<T>(values.length, shift, level[0]!);
  }

  /** The value at index `i`, or undefined past the end. */
  get(i: number): T | undefined {
    if (i < 0 || i >= this.length) return undefined;
    let node = this.root;
    for (let s = this.shift; s > 0; s -= BITS) node = node[(i >>> s) & MASK] as Node;
    return node[i & MASK] as T;
  }

  /** The vector with index `i` (< length) set to `value`. */
  set(i: number, value: T): PVec<T> {
    if (i < 0 || i >= this.length) throw new RangeError(`index ${i} of ${this.length}`);
    return new PVec<T>(this.length, this.shift, setIn(this.root, this.shift, i, value));
  }

  /** The vector with `value` appended. */
  push(value: T): PVec<T> {
    const i = this.length;
    if (i < 1 << (this.shift + BITS)) {
      return new PVec<T>(i + 1, this.shift, setIn(this.root, this.shift, i, value));
    }
    const shift = this.shift + BITS;
    return new PVec<T>(i + 1, shift, setIn([this.root], shift, i, value));
  }

  /**
   * Calls `visit` with each index whose value differs (by identity) between this vector and
   * `other`, walking only the paths the two do not share: a few after a `set` or a `push`.
   * Returns false, with no call, when the two tries differ in depth (compare every index then).
   */
  changesFrom(other: PVec<T>, visit: (i: number) => void): boolean {
    if (other.shift !== this.shift) return false;
    diffIn(this.root, other.root, this.shift, 0, visit);
    return true;
  }

  /** The values in order, as a new array. */
  toArray(): T[] {
    const out: T[] = [];
    walk(this.root, this.shift, out, this.length);
    return out;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.toArray()[Symbol.iterator]();
  }
}
