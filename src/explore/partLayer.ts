/**
 * The engine layer of a part's exploration (part.ts): engine states interned up to
 * interchangeable files, one state per world (ending.ts), each stepped by the engine once per
 * kind of move; the kexec of each, and what each file's freeze would do there (kexec.ts).
 */
import type { FileSpec, LuoState } from '../engine';
import { step } from '../engine';
import type { Avail, Group, GroupIndex } from './avail';
import { availAfter, groupFiles, groupOfSig } from './avail';
import { Coupled, freezeResets, freezeTag } from './ending';
import { MARK_D, MARK_U } from './kexec';
import { fileStep } from './moves';
import { rebootFailedBits } from './runs';
import type { RunShape } from './shape';
import { shapeSteps } from './shape';
import type { FileClasses } from './symmetry';
import { stateDescriber } from './symmetry';

export interface PNode {
  id: number;
  global: string;
  /** The state in each world (0: as in the scenario; see ending.ts). */
  states: LuoState[];
  groups: Group[];
  groupIndex: GroupIndex;
  groupOf: number[];
  sigs: number[];
  trans?: Map<number, Trans>;
  kexec?: { node: PNode | null; bits: number };
  tags?: ('N' | 'R' | 'F')[];
  sig?: string;
}

export interface Trans {
  child: PNode;
  map: number[];
  movedTo: number;
}

/** Builds the engine layer; `grow` is called for each new engine state. */
export function partLayer(
  files: readonly FileSpec[],
  classes: FileClasses,
  shape: RunShape,
  grow: () => void,
) {
  const describe = stateDescriber(files, classes);
  const steps = shapeSteps(shape);
  const nodes = new Map<string, PNode>();
  const intern = (states: LuoState[], from?: PNode): { node: PNode; sigs: number[] } => {
    if (states.some((s) => s.hung)) throw new Coupled('a step hung, and a hang stops every part');
    const d = describe(states[0]!, from && { state: from.states[0]!, sigs: from.sigs });
    const hit = nodes.get(d.key);
    if (hit) return { node: hit, sigs: d.sigs };
    const { groups, index: groupIndex, of: groupOf } = groupFiles(d.sigs, classes.classOf);
    const { global, sigs } = d;
    const node: PNode = { id: nodes.size, global, states, groups, groupIndex, groupOf, sigs };
    node.trans = new Map();
    nodes.set(d.key, node);
    grow();
    return { node, sigs: d.sigs };
  };
  const groupAt = (node: PNode, i: number, sigs: number[]) =>
    groupOfSig(node.groupIndex, classes.classOf[i]!, sigs[i]!);
  const stepAll = (states: LuoState[], s: (state: LuoState) => Parameters<typeof step>[1]) => {
    const outs = states.map((state) => step(state, s(state)));
    const r = outs[0]!.result.result;
    if (outs.some((o) => o.result.result !== r)) throw new Coupled('the worlds answered apart');
    return outs.map((o) => o.state);
  };
  const transition = (node: PNode, g: number, move: number): Trans => {
    const code = g * 64 + move;
    const hit = node.trans!.get(code);
    if (hit) return hit;
    const rep = node.groups[g]!.members[0]!;
    const next = stepAll(node.states, (s) => fileStep(shape, files, s, rep, move));
    const same = next[0] === node.states[0];
    const { node: child, sigs } = same ? { node, sigs: node.sigs } : intern(next, node);
    const map = node.groups.map((group) => {
      const i = group.members.find((m) => m !== rep);
      return i === undefined ? -1 : groupAt(child, i, sigs);
    });
    const t = { child, map, movedTo: groupAt(child, rep, sigs) };
    node.trans!.set(code, t);
    return t;
  };
  const after = (avail: Avail, t: Trans, g: number, mask: number, bit: number, mark = 0) =>
    availAfter(avail, t.map, g, mask, t.movedTo, (mask & ~bit) | mark);
  const flags = { fails: false, resets: false };
  const kexecOf = (node: PNode) => {
    if (node.kexec) return node.kexec;
    if (freezeResets(node.states[0]!)) flags.resets = true;
    const k = step(node.states[0]!, { op: 'kexec' });
    if (k.result.result !== 'ok') {
      flags.fails = true;
      return (node.kexec = { node: null, bits: rebootFailedBits(k.state) });
    }
    let s = stepAll(node.states, () => ({ op: 'kexec' }));
    for (const r of steps.retrieveSessions) s = stepAll(s, () => r);
    return (node.kexec = { node: intern(s).node, bits: 0 });
  };
  // With one session, which preserve is the part's first resetting or failing one (kexec.ts):
  // guessed when it is made, checked at the kexec against the engine's freeze of each file.
  const tagOf = (node: PNode, g: number) =>
    ((node.tags ??= [])[g] ??= freezeTag(node.states[0]!, files[node.groups[g]!.members[0]!]!.id));
  const consistent = (node: PNode, avail: Avail, phase: number) => {
    for (let i = 0; i < avail.length; i += 3) {
      const g = avail[i]!;
      const m = avail[i + 1]!;
      if (m & MARK_U && tagOf(node, g) !== 'N') return false;
      if (m & MARK_D && tagOf(node, g) !== (phase === 1 ? 'R' : 'F')) return false;
    }
    return true;
  };

  return {
    nodes,
    intern,
    transition,
    availAfter: after,
    kexecOf,
    consistent,
    flags,
    text: describe.text,
  };
}
