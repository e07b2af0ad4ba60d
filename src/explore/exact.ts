/**
 * The exact explorer over classes of interchangeable files (docs/explore.md "How it counts").
 *
 * Two layers. The *engine layer* interns engine states by their key up to interchangeable
 * files (symmetry.ts): each is stepped by the engine once per kind of move, and its kexec and
 * endings are computed once. The *run layer* adds what the run shape still allows: for each
 * group of interchangeable files in the same local state, how many still have which moves
 * left. Choosing one of k such files is one transition of multiplicity k, so counts are
 * exact BigInts while the states visited stay polynomial in the size of each class.
 * Witnesses are moves "a file of this class, in this state"; witness.ts turns them into the
 * concrete steps of a real run, through the engine.
 */
import type { Model, FileSpec, LuoState, Step, Switches } from '../engine';
import { DEFAULT_MODEL, createState, step } from '../engine';
import type { ExploreOptions, ExploreResult } from './explore';
import { EXPLORE_MAX_FILES, ExploreCancelled } from './explore';
import { exploreByParts } from './components';
import { Coupled, freezeResets } from './ending';
import { runEndings } from './endings';
import { rebootFailedBits } from './runs';
import type { RunShape } from './shape';
import { DEFAULT_SHAPE, preparationOf, shapeProblem, shapeSteps } from './shape';
import { fileClasses, stateDescriber } from './symmetry';
import type { Move, Tally } from './tally';
import { addChild, classTotals, emptyTally, leafTally } from './tally';
import { availableAt, fileStep, incomingFiles, moveBit, startMask } from './moves';
import { concretize } from './witness';
import type { Avail, Group, GroupIndex } from './avail';
import { addAvail, availAfter, availKey, groupFiles, groupOfSig, lastBootKey } from './avail';

/** Options of the exact explorer. */
export interface ExactOptions extends ExploreOptions {
  shape?: RunShape;
  /** The kernel tree and corrections (the June 2026 tree with every correction if none). */
  model?: Model;
  /** Distinct states (run layer + engine layer) after which it stops with ExploreBudgetExceeded. */
  maxStates?: number;
  /**
   * Whether to explore independent parts on their own (components.ts): by default only for
   * scenarios over EXPLORE_MAX_FILES files, so that smaller ones keep the witnesses they had.
   * Where parts are not independent the whole scenario is explored either way.
   */
  parts?: boolean;
}

/**
 * The default state budget: about 1 GB of memory at the worst size measured (128 files, about
 * 10 KB a state); `vm-64` needs about 9,000.
 */
export const DEFAULT_MAX_STATES = 100_000;

/** The exploration would pass its budget of states. */
export class ExploreBudgetExceeded extends Error {
  constructor(readonly budget: number) {
    super(
      `the exploration passed its budget of ${budget.toLocaleString('en-US')} states; ` +
        'try a smaller run shape (fewer sessions, one kexec, no set steps) or fewer files',
    );
  }
}

interface ENode {
  id: number;
  global: string;
  state: LuoState;
  groups: Group[];
  groupIndex: GroupIndex;
  /** Group and signature of each file. */
  groupOf: number[];
  sigs: number[];
  trans: Map<number, Trans>;
  kexec?: { steps: Step[]; node: ENode | null; bits: number; tally?: Tally };
  endings?: { steps: Step[]; bits: number }[];
}

interface Trans {
  child: ENode;
  /** Where the other members of each group go. */
  map: number[];
  movedTo: number;
}

/** Explores every run of `files` of the given shape under `switches`, exactly. */
export function exploreExact(
  files: readonly FileSpec[],
  switches: Switches,
  options: ExactOptions = {},
): ExploreResult {
  const shape = options.shape ?? DEFAULT_SHAPE;
  const problem = shapeProblem(shape);
  if (problem) throw new RangeError(problem);
  const model = options.model ?? DEFAULT_MODEL;
  const max = options.maxStates ?? DEFAULT_MAX_STATES;
  const byParts = (whole: boolean): ExploreResult => {
    const by = exploreByParts(files, switches, model, shape, max, options, whole);
    const witnesses: ExploreResult['witnesses'] = {};
    for (const [c, suffix] of Object.entries(by.shortest)) {
      const w = concretize(files, switches, shape, suffix ?? null, model, by.classes);
      witnesses[c as keyof typeof witnesses] = w;
    }
    return { ...by.result, witnesses };
  };
  if (options.parts ?? files.length > EXPLORE_MAX_FILES) {
    try {
      return byParts(false);
    } catch (e) {
      if (!(e instanceof Coupled)) throw e;
    }
  }
  const whole = exploreWhole(files, switches, shape, model, options);
  if (!whole.orderMatters) return whole.result;
  // Its key forgets the order of the preserves, which then decides deviceReset: explored
  // again as one part, guessing the first resetting or failing preserve (kexec.ts).
  try {
    return byParts(true);
  } catch (e) {
    if (!(e instanceof Coupled)) throw e;
  }
  return whole.result;
}

function exploreWhole(
  files: readonly FileSpec[],
  switches: Switches,
  shape: RunShape,
  model: Model,
  options: ExactOptions,
): { result: ExploreResult; orderMatters: boolean } {
  const budget = options.maxStates ?? DEFAULT_MAX_STATES;
  // Whether some freeze would reset a device and some kexec fails (see exploreExact).
  const order = { resets: false, fails: false };
  const classes = fileClasses(files);
  const describe = stateDescriber(files, classes);
  const steps = shapeSteps(shape);
  const prep = files.map((f) => (shape.setSteps ? preparationOf(f) : []));
  // Each file's moves with their mask bits, in boot 0 and in the last boot.
  const moves0 = prep.map((p) =>
    availableAt(shape, true, p).map((m) => [m, moveBit(shape, true, m)] as const),
  );
  const moves1 = prep.map(() => [[0, 1] as const]);
  const nodes = new Map<string, ENode>();
  const memo = new Map<string, Tally>();

  const grow = () => {
    const n = memo.size + nodes.size;
    if (n > budget) throw new ExploreBudgetExceeded(budget);
    if (n % 256 === 0) {
      options.onProgress?.(n);
      if (options.shouldStop?.()) throw new ExploreCancelled();
    }
  };

  const intern = (state: LuoState, from?: ENode): { node: ENode; sigs: number[] } => {
    const d = describe(state, from);
    const hit = nodes.get(d.key);
    if (hit) return { node: hit, sigs: d.sigs };
    const { groups, index: groupIndex, of } = groupFiles(d.sigs, classes.classOf);
    const node: ENode = {
      id: nodes.size,
      global: d.global,
      state,
      groups,
      groupIndex,
      groupOf: of,
      sigs: d.sigs,
      trans: new Map(),
    };
    nodes.set(d.key, node);
    grow();
    return { node, sigs: d.sigs };
  };

  const groupOf = (node: ENode, i: number, sigs: number[]) =>
    groupOfSig(node.groupIndex, classes.classOf[i]!, sigs[i]!);

  const transition = (node: ENode, g: number, move: number): Trans => {
    const code = g * 64 + move;
    const hit = node.trans.get(code);
    if (hit) return hit;
    const rep = node.groups[g]!.members[0]!;
    const next = step(node.state, fileStep(shape, files, node.state, rep, move)).state;
    // A refused step returns the very state it was given: nothing to describe again.
    const { node: child, sigs } =
      next === node.state ? { node, sigs: node.sigs } : intern(next, node);
    const map = node.groups.map((group) => {
      let to = -1;
      let last = -1;
      // Indexed: a VM's group of vCPUs is walked at every transition.
      for (let k = 0; k < group.members.length; k++) {
        const i = group.members[k]!;
        if (i === rep || sigs[i] === last) continue;
        const h = groupOf(child, i, sigs);
        if (to !== -1 && h !== to) throw new Error('interchangeable files diverged');
        to = h;
        last = sigs[i]!;
      }
      return to;
    });
    const t: Trans = { child, map, movedTo: groupOf(child, rep, sigs) };
    node.trans.set(code, t);
    return t;
  };

  const kexecOf = (node: ENode) => {
    if (node.kexec) return node.kexec;
    if (shape.sessions === 1 && !order.resets && freezeResets(node.state)) order.resets = true;
    const k = step(node.state, { op: 'kexec' });
    if (k.result.result !== 'ok') {
      order.fails = true;
      node.kexec = { steps: [{ op: 'kexec' }], node: null, bits: rebootFailedBits(k.state) };
    } else {
      let s = k.state;
      for (const r of steps.retrieveSessions) s = step(s, r).state;
      node.kexec = {
        steps: [{ op: 'kexec' }, ...steps.retrieveSessions],
        node: intern(s).node,
        bits: 0,
      };
    }
    return node.kexec;
  };

  const endingsOfNode = (node: ENode) => (node.endings ??= runEndings(shape, node.state));

  const asMoves = (ss: readonly Step[]): Move[] => ss.map((s) => ({ kind: 'step', step: s }));

  const visit = (node: ENode, avail: Avail): Tally => {
    const key = node.state.boot === 0 ? `${node.id}|${availKey(avail)}` : lastBootKey(node, avail);
    const hit = memo.get(key);
    if (hit) return hit;
    const tally = emptyTally();
    const boot0 = node.state.boot === 0;
    for (let i = 0; i < avail.length; i += 3) {
      const g = avail[i]!;
      const mask = avail[i + 1]!;
      const n = avail[i + 2]!;
      const group = node.groups[g]!;
      for (const [move, bit] of (boot0 ? moves0 : moves1)[group.members[0]!]!) {
        if (!(mask & bit)) continue;
        const t = transition(node, g, move);
        const child = visit(t.child, availAfter(avail, t.map, g, mask, t.movedTo, mask & ~bit));
        addChild(
          tally,
          [{ kind: 'file', cls: group.cls, sig: describe.text(group.sig), mask, move }],
          child,
          BigInt(n),
        );
      }
    }
    if (boot0) {
      const k = kexecOf(node);
      k.tally ??= k.node
        ? visit(k.node, incomingAvail(k.node))
        : leafTally(asMoves(k.steps), k.bits);
      addChild(tally, k.node ? asMoves(k.steps) : [], k.tally);
    } else {
      for (const e of endingsOfNode(node)) addChild(tally, [], leafTally(asMoves(e.steps), e.bits));
    }
    memo.set(key, tally);
    grow();
    return tally;
  };

  const incomingAvail = (node: ENode): Avail => {
    const avail: Avail = [];
    for (const i of incomingFiles(node.state)) addAvail(avail, node.groupOf[i]!, 1, 1);
    return avail;
  };

  let start = createState(files, switches, model);
  for (const c of steps.creates) start = step(start, c).state;
  const root = intern(start).node;
  const avail: Avail = [];
  root.groups.forEach((group, g) => {
    addAvail(avail, g, startMask(prep[group.members[0]!]!), group.members.length);
  });
  const top = emptyTally();
  addChild(top, asMoves(steps.creates), visit(root, avail));
  const { runs, classes: counts, shortest, byBits } = classTotals(top);
  const witnesses: ExploreResult['witnesses'] = {};
  for (const [c, suffix] of Object.entries(shortest)) {
    witnesses[c as keyof typeof witnesses] = concretize(
      files,
      switches,
      shape,
      suffix ?? null,
      model,
    );
  }
  const result = { runs, classes: counts, witnesses, states: memo.size, engineStates: nodes.size };
  return { result: { ...result, byBits }, orderMatters: order.resets && order.fails };
}
