/**
 * The run layer's bookkeeping shared by the explorers over classes of files (exact.ts,
 * part.ts): which moves are still available to how many files of each group, and the memo key
 * of a state of the last boot.
 */

/** Files of one class with one signature (its number in the state describer) in a state. */
export interface Group {
  cls: number;
  sig: number;
  members: number[];
}

/** A state's groups by class, then signature (no key string is built per lookup). */
export type GroupIndex = Map<number, Map<number, number>>;

/** The groups of a state whose files have these signatures: groups, index, each file's group. */
export function groupFiles(sigs: readonly number[], classOf: readonly number[]) {
  const groups: Group[] = [];
  const index: GroupIndex = new Map();
  const of = sigs.map((sig, i) => {
    const cls = classOf[i]!;
    let bySig = index.get(cls);
    if (!bySig) index.set(cls, (bySig = new Map()));
    let g = bySig.get(sig);
    if (g === undefined) {
      bySig.set(sig, (g = groups.length));
      groups.push({ cls, sig, members: [] });
    }
    groups[g]!.members.push(i);
    return g;
  });
  return { groups, index, of };
}

/** The group of a file of class `cls` with signature `sig`. */
export function groupOfSig(index: GroupIndex, cls: number, sig: number): number {
  return index.get(cls)!.get(sig)!;
}

/**
 * Available moves: how many files of each group have each mask of moves left, as a flat list
 * of (group, mask, count) triples with counts above 0; a group's triples sit together, groups
 * in the order they first came and masks within a group too (the order moves are tried in).
 */
export type Avail = number[];

/** Adds `n` files of group `g` with `mask` to `avail` (in place). */
export function addAvail(avail: Avail, g: number, mask: number, n: number) {
  if (n === 0) return;
  let end = -1;
  for (let i = 0; i < avail.length; i += 3) {
    if (avail[i] !== g) continue;
    if (avail[i + 1] === mask) {
      avail[i + 2]! += n;
      return;
    }
    end = i + 3;
  }
  if (end < 0 || end === avail.length) avail.push(g, mask, n);
  else avail.splice(end, 0, g, mask, n);
}

/**
 * The moves left after one file of group `g` with `mask` moved: every group becomes the one
 * `map` says in the next state, and the file that moved joins group `movedTo` with `left`.
 */
export function availAfter(
  avail: Avail,
  map: readonly number[],
  g: number,
  mask: number,
  movedTo: number,
  left: number,
): Avail {
  const out: Avail = [];
  for (let i = 0; i < avail.length; i += 3) {
    const h = avail[i]!;
    const m = avail[i + 1]!;
    const n = avail[i + 2]!;
    if (h === g && m === mask) {
      addAvail(out, map[h]!, m, n - 1);
      addAvail(out, movedTo, left, 1);
    } else addAvail(out, map[h]!, m, n);
  }
  return out;
}

/** A key of the moves left, whatever order they came in. */
export function availKey(avail: Avail): string {
  const k = avail.length / 3;
  const order: number[] = [];
  // Insertion sort by (group, mask): a state has a few triples.
  for (let j = 0; j < k; j++) {
    let at = order.length;
    while (at > 0) {
      const o = order[at - 1]!;
      const d = avail[3 * o]! - avail[3 * j]! || avail[3 * o + 1]! - avail[3 * j + 1]!;
      if (d < 0) break;
      at--;
    }
    order.splice(at, 0, j);
  }
  const out: number[] = [];
  for (const j of order) out.push(avail[3 * j]!, avail[3 * j + 1]!, avail[3 * j + 2]!);
  // One character per number where each fits, which is every scenario the explorer takes;
  // else the numbers in decimal, after U+FFFF, which no key of the first kind holds.
  return out.every((x) => x < 0xffff) ? String.fromCharCode(...out) : `\uffff${out.join(',')}`;
}

/**
 * The key of a state of the last boot, where a file with no move left never moves again: of
 * such files of one class in one local state, one stands for all (docs/explore.md "Why it
 * is exact": each only adds its own part to the endings, and every class asks whether *some*
 * file has a property).
 */
export function lastBootKey(node: { global: string; groups: Group[] }, avail: Avail): string {
  const parts: string[] = [];
  node.groups.forEach((group, g) => {
    const masks: [number, number][] = [];
    for (let i = 0; i < avail.length; i += 3) {
      if (avail[i] === g && avail[i + 1] !== 0) masks.push([avail[i + 1]!, avail[i + 2]!]);
    }
    masks.sort(([a], [b]) => a - b);
    let active = 0;
    let moves = '';
    for (const [m, n] of masks) {
      active += n;
      moves += `.${m}x${n}`;
    }
    const inert = group.members.length - active > 0 ? 1 : 0;
    parts.push(`${group.cls}:${group.sig}:${inert}${moves}`);
  });
  return `${node.global}/${parts.sort().join('/')}`;
}
