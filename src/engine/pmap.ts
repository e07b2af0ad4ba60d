/**
 * A small persistent map from strings to values (a hash array mapped trie): `set` returns a new
 * map sharing all but one path with the old one, so a step that changes one session handle
 * costs O(log n), not a copy of every handle. The engine's states stay immutable values.
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Leaf<V> = { leaf: true; entries: readonly (readonly [string, V])[] };
type Branch<V> = { leaf: false; slots: readonly (Node<V> | undefined)[] };
type Node<V> = Leaf<V> | Branch<V>;

/** FNV-1a, 32 bits. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const MAX_DEPTH = Math.ceil(32 / BITS);

function setIn<V>(
  node: Node<V> | undefined,
  key: string,
  h: number,
  depth: number,
  value: V,
): Node<V> {
  if (node === undefined) return { leaf: true, entries: [[key, value]] };
  if (node.leaf) {
    const i = node.entries.findIndex(([k]) => k === key);
    if (i >= 0 || depth >= MAX_DEPTH || node.entries.length === 0) {
      const entries = [...node.entries];
      if (i >= 0) entries[i] = [key, value];
      else entries.push([key, value]);
      return { leaf: true, entries };
    }
    // Split the leaf into a branch one level down.
    let branch: Node<V> = { leaf: false, slots: new Array<Node<V> | undefined>(WIDTH) };
    for (const [k, v] of node.entries) branch = setIn(branch, k, hash(k), depth, v);
    return setIn(branch, key, h, depth, value);
  }
  const slot = (h >>> (depth * BITS)) & MASK;
  const slots = [...node.slots];
  slots[slot] = setIn(node.slots[slot], key, h, depth + 1, value);
  return { leaf: false, slots };
}

/** An immutable string-keyed map (`undefined` is not a value it stores). */
export class PMap<V> {
  private constructor(private readonly root: Node<V> | undefined) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(undefined);
  }

  get(key: string): V | undefined {
    const h = hash(key);
    let node = this.root;
    let depth = 0;
    while (node && !node.leaf) {
      node = node.slots[(h >>> (depth * BITS)) & MASK];
      depth++;
    }
    return node?.entries.find(([k]) => k === key)?.[1];
  }

  set(key: string, value: V): PMap<V> {
    return new PMap(setIn(this.root, key, hash(key), 0, value));
  }

  /** Every entry, in no particular order. */
  entries(): [string, V][] {
    const out: [string, V][] = [];
    const walk = (node: Node<V> | undefined) => {
      if (!node) return;
      if (node.leaf) for (const [k, v] of node.entries) out.push([k, v]);
      else node.slots.forEach(walk);
    };
    walk(this.root);
    return out;
  }
}
