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

/** Available moves: group -> (mask -> how many files). */
export type Avail = Map<number, Map<number, number>>;

export function availKey(avail: Avail): string {
  const out: string[] = [];
  for (const g of [...avail.keys()].sort((a, b) => a - b)) {
    const masks = avail.get(g)!;
    for (const m of [...masks.keys()].sort((a, b) => a - b)) out.push(`${g}.${m}.${masks.get(m)}`);
  }
  return out.join(',');
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
    const masks = avail.get(g);
    let active = 0;
    let moves = '';
    if (masks) {
      for (const m of [...masks.keys()].sort((a, b) => a - b)) {
        if (m === 0) continue;
        active += masks.get(m)!;
        moves += `.${m}x${masks.get(m)}`;
      }
    }
    const inert = group.members.length - active > 0 ? 1 : 0;
    parts.push(`${group.cls}:${group.sig}:${inert}${moves}`);
  });
  return `${node.global}/${parts.sort().join('/')}`;
}

export function addAvail(avail: Avail, g: number, mask: number, n: number) {
  if (n === 0) return;
  let masks = avail.get(g);
  if (!masks) avail.set(g, (masks = new Map()));
  masks.set(mask, (masks.get(mask) ?? 0) + n);
}
