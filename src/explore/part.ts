/**
 * One part of a scenario explored on its own (docs/explore.md "Independent parts"): only the
 * files of the part move, the others stay as they are. Boot 0 is walked forward layer by layer
 * (every state of layer t is t moves from the start), so the runs into each kexec are counted
 * by length; the last boot is counted backward, by length and by the part's *ending
 * signature* (ending.ts). Every transition is a `step()` of the engine, in each world.
 */
import type { FileSpec, Model, Switches } from '../engine';
import { createState } from '../engine';
import type { ExploreOptions } from './explore';
import { ExploreCancelled } from './explore';
import type { Avail } from './avail';
import { addAvail, availKey, lastBootKey } from './avail';
import { Coupled, endingSig, worldStarts } from './ending';
import type { KexecRuns } from './kexec';
import { FAIL_BITS, MARK_D, MARK_U, MOVES, emptyKexec, recordKexec } from './kexec';
import { ExploreBudgetExceeded } from './exact';
import { availableAt, incomingFiles, moveBit, startMask } from './moves';
import type { Grid, Line } from './poly';
import { addAt } from './poly';
import type { RunShape } from './shape';
import { preparationOf } from './shape';
import type { FileClasses } from './symmetry';
import type { Move, Suffix } from './tally';
import { prepend } from './tally';
import type { PNode } from './partLayer';
import { partLayer } from './partLayer';

/** A run of a part: its moves before and after the kexec (file moves only). */
export interface PartRun {
  boot0: Move[];
  boot1: Move[];
}

/** What the combination needs of a part. */
export interface PartSummary {
  /** Runs through a successful kexec by ending signature: counts by (boot-0, boot-1) length. */
  ok: Map<string, { grid: Grid; best: PartRun; len: number }>;
  /** Boot-0 runs by what they bring to the kexec (kexec.ts). */
  kexec: KexecRuns;
  /** Some kexec of the part fails; some freeze of the part resets a device. */
  fails: boolean;
  resets: boolean;
  states: number;
  engineStates: number;
}

interface Entry {
  node: PNode;
  avail: Avail;
  /** 0: no preserve guessed first yet; 1: the first resetting one was; 2: the first failing. */
  phase: number;
  /** Runs by the position of the guessed preserve (phase 0: all at 0). */
  counts: Line;
  path: Suffix | null;
}

interface Tail {
  counts: Line;
  best: Suffix | null;
}
type Tails = Map<string, Tail>;

/** Explores the runs in which only the files `part` move. */
export function explorePart(
  files: readonly FileSpec[],
  classes: FileClasses,
  part: readonly number[],
  switches: Switches,
  model: Model,
  shape: RunShape,
  budget: { left: number; max: number },
  options: ExploreOptions,
  guess: { R: boolean; F: boolean } | null = null,
): PartSummary {
  const prep = files.map((f) => (shape.setSteps ? preparationOf(f) : []));
  const moves0 = prep.map((p) =>
    availableAt(shape, true, p).map((m) => [m, moveBit(shape, true, m)] as const),
  );
  let visited = 0;
  // The budget counts what stays in memory: engine states, last-boot tallies, one layer.
  let layerSize = 0;
  const grow = (transient = false) => {
    visited++;
    if (!transient) budget.left--;
    if (budget.left - layerSize < 0) throw new ExploreBudgetExceeded(budget.max);
    if (visited % 256 === 0) {
      options.onProgress?.(budget.max - budget.left);
      if (options.shouldStop?.()) throw new ExploreCancelled();
    }
  };
  const layer0 = partLayer(files, classes, shape, grow);
  const { nodes, intern, transition, availAfter, kexecOf, consistent, text } = layer0;
  // Boot 0, forward: every state of a layer is as many moves from the start.
  const root = intern(worldStarts(files, switches, model, shape, createState)).node;
  let layer = new Map<string, Entry>();
  const avail0: Avail = [];
  for (const i of part) addAvail(avail0, root.groupOf[i]!, startMask(prep[i]!), 1);
  layer.set(`${root.id}|0|${availKey(avail0)}`, {
    node: root,
    avail: avail0,
    phase: 0,
    counts: [1n],
    path: null,
  });
  const into = new Map<PNode, { line: Line; path: Suffix | null }>();
  const kexec = emptyKexec();
  for (let a = 0; layer.size > 0; a++) {
    const next = new Map<string, Entry>();
    for (const { node, avail, phase, counts, path } of layer.values()) {
      const k = kexecOf(node);
      if (!guess || consistent(node, avail, phase)) {
        const total = counts.reduce((x, y) => x + y, 0n);
        if (k.node) {
          let x = into.get(k.node);
          if (!x) into.set(k.node, (x = { line: [], path }));
          addAt(x.line, a, total);
        }
        if ((k.bits & ~FAIL_BITS) !== 0) throw new Coupled('a failed kexec in a new class');
        recordKexec(kexec, guess ? phase : k.node ? 0 : -1, !k.node, a, counts, path, k.bits);
      }
      for (let i = 0; i < avail.length; i += 3) {
        const g = avail[i]!;
        const mask = avail[i + 1]!;
        const n = avail[i + 2]!;
        const group = node.groups[g]!;
        for (const [move, bit] of moves0[group.members[0]!]!) {
          if (!(mask & bit)) continue;
          const tr = transition(node, g, move);
          const m: Move = {
            kind: 'file',
            cls: group.cls,
            sig: text(group.sig),
            mask: mask & MOVES,
            move,
          };
          const p: Suffix = { move: m, next: path, len: (path?.len ?? 0) + 1 };
          const times = BigInt(n);
          const branch = (mark: number, to: number, line: Line) => {
            const av = availAfter(avail, tr, g, mask, bit, mark);
            const key = `${tr.child.id}|${to}|${availKey(av)}`;
            const hit = next.get(key);
            if (hit) line.forEach((c, t) => c && addAt(hit.counts, t, c * times));
            else {
              next.set(key, {
                node: tr.child,
                avail: av,
                phase: to,
                counts: line.map((c) => c * times),
                path: p,
              });
              layerSize = next.size;
              grow(true);
            }
          };
          const preserved = move < shape.sessions && tr.child !== node;
          if (guess && phase === 0 && preserved) {
            branch(MARK_U, 0, counts);
            const at: Line = [];
            addAt(at, a, counts[0]!);
            if (guess.R) branch(MARK_D, 1, at);
            if (guess.F) branch(MARK_D, 2, at);
          } else branch(0, phase, counts);
        }
      }
    }
    layer = next;
    layerSize = 0;
  }

  // The last boot, backward, by length and ending signature.
  const memo = new Map<string, Tails>();
  const visit = (node: PNode, avail: Avail): Tails => {
    const key = lastBootKey(node, avail);
    const hit = memo.get(key);
    if (hit) return hit;
    const out: Tails = new Map();
    node.sig ??= endingSig(shape, node.states);
    out.set(node.sig, { counts: [1n], best: null });
    for (let i = 0; i < avail.length; i += 3) {
      const g = avail[i]!;
      const mask = avail[i + 1]!;
      const n = avail[i + 2]!;
      const group = node.groups[g]!;
      if (!(mask & 1)) continue;
      const tr = transition(node, g, 0);
      const child = visit(tr.child, availAfter(avail, tr, g, mask, 1));
      const m: Move = { kind: 'file', cls: group.cls, sig: text(group.sig), mask, move: 0 };
      for (const [sig, tail] of child) {
        let o = out.get(sig);
        if (!o) out.set(sig, (o = { counts: [], best: prepend([m], tail.best) }));
        else if ((o.best?.len ?? 0) > (tail.best?.len ?? 0) + 1) o.best = prepend([m], tail.best);
        tail.counts.forEach((c, b) => c && addAt(o.counts, b + 1, c * BigInt(n)));
      }
    }
    memo.set(key, out);
    grow();
    return out;
  };
  const ok: PartSummary['ok'] = new Map();
  const moving = new Set(part);
  for (const [x, { line, path }] of into) {
    const avail: Avail = [];
    for (const i of incomingFiles(x.states[0]!))
      if (moving.has(i)) addAvail(avail, x.groupOf[i]!, 1, 1);
    for (const [sig, tail] of visit(x, avail)) {
      let o = ok.get(sig);
      const len = (path?.len ?? 0) + (tail.best?.len ?? 0);
      const run = () => ({ boot0: reversed(path), boot1: movesOf(tail.best) });
      if (!o) ok.set(sig, (o = { grid: [], best: run(), len }));
      else if (len < o.len) Object.assign(o, { best: run(), len });
      line.forEach((c, a) => {
        if (!c) return;
        const row = (o.grid[a] ??= []);
        tail.counts.forEach((d, b) => d && addAt(row, b, c * d));
      });
    }
  }
  for (const o of ok.values()) for (let a = 0; a < o.grid.length; a++) o.grid[a] ??= [];
  return {
    ok,
    kexec,
    fails: layer0.flags.fails,
    resets: layer0.flags.resets,
    states: visited - nodes.size,
    engineStates: nodes.size,
  };
}

/** The moves of a path kept newest first, oldest first. */
function reversed(path: Suffix | null): Move[] {
  const out: Move[] = [];
  for (let p = path; p; p = p.next) out.push(p.move);
  return out.reverse();
}

function movesOf(s: Suffix | null): Move[] {
  const out: Move[] = [];
  for (let p = s; p; p = p.next) out.push(p.move);
  return out;
}
