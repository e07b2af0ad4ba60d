/**
 * Interchangeable files, and what the explorer remembers of a state up to them.
 *
 * Two files are interchangeable when swapping their ids maps the scenario to itself: same
 * type, properties and boot, the same dependencies, and the same files depending on them.
 * Tokens follow files (token = position + 1), so swapping two such files, with their tokens,
 * maps every run to a run with the same steps up to the swap, and every state to a state
 * that differs only by the swap: the engine looks files up by id and token, never by name.
 *
 * `describeState` gives each file a signature (everything the state says about it, with
 * other files named by class where their class has several members) and a key: the global
 * part of the state plus, per class, the sorted multiset of its members' signatures. Two
 * states with the same key differ by a permutation inside classes.
 */
import type { FileSpec, IncomingFile, LuoState, OutgoingFile, Token } from '../engine';

/** The classes of interchangeable files of a scenario. */
export interface FileClasses {
  /** Class index of each file (by position). */
  classOf: readonly number[];
  /** Files of each class, by position, ascending. */
  members: readonly (readonly number[])[];
}

/** Groups a scenario's files into classes of interchangeable files. */
export function fileClasses(files: readonly FileSpec[]): FileClasses {
  const index = new Map(files.map((f, i) => [f.id as string, i]));
  const dependents = files.map(() => [] as number[]);
  files.forEach((f, i) => f.deps.forEach((d) => dependents[index.get(d) ?? -1]?.push(i)));
  const keyOf = (f: FileSpec, i: number) => {
    const props = Object.entries(f)
      .filter(([k]) => k !== 'id' && k !== 'deps')
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const depIdx = f.deps.map((d) => index.get(d) ?? -1).sort((a, b) => a - b);
    return JSON.stringify([props, depIdx, dependents[i]!.slice().sort((a, b) => a - b)]);
  };
  const byKey = new Map<string, number>();
  const classOf: number[] = [];
  const members: number[][] = [];
  files.forEach((f, i) => {
    const key = keyOf(f, i);
    let c = byKey.get(key);
    if (c === undefined) {
      c = members.length;
      byKey.set(key, c);
      members.push([]);
    }
    classOf.push(c);
    members[c]!.push(i);
  });
  return { classOf, members };
}

/** A state as the explorer remembers it. */
export interface StateDescription {
  key: string;
  /** The part of the key that names no file. */
  global: string;
  /** Signature of each file (by position). */
  sigs: string[];
}

const KNOWN = new Set([
  'files',
  'switches',
  'boot',
  'props',
  'retrievedFds',
  'outgoing',
  'incoming',
  'handles',
  'nextSid',
  'orphans',
  'released',
  'dataLoss',
  'stuckSessions',
  // The model is the same for the whole exploration; the rest are read below.
  'model',
  'devOpen',
  'hung',
  'devicesReset',
]);

function trivial(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

function extras(o: object, known: number, skip: readonly string[]): string {
  if (Object.keys(o).length <= known) return '';
  const rest = Object.entries(o).filter(([k]) => !skip.includes(k));
  return JSON.stringify(rest);
}

/** Builds a describer for one scenario. */
export function stateDescriber(files: readonly FileSpec[], classes: FileClasses) {
  const index = new Map(files.map((f, i) => [f.id as string, i]));
  const single = classes.members.map((m) => m.length === 1);
  const name = (i: number) => (single[classes.classOf[i]!] ? `f${i}` : `c${classes.classOf[i]}`);
  const fileName = (id: string) => name(index.get(id) ?? -1);
  const depNames = (tokens: readonly Token[]) =>
    tokens
      .map((t) => name(t - 1))
      .sort()
      .join(',');
  const at = (id: string) => index.get(id)!;

  // Entries are immutable and shared between states: their part of a signature is kept.
  const memo = new WeakMap<object, string>();
  const cached = (o: object, make: () => string) => {
    let v = memo.get(o);
    if (v === undefined) memo.set(o, (v = make()));
    return v;
  };
  const outPart = (si: number, f: OutgoingFile) =>
    cached(
      f,
      () => `o${si}:${depNames(f.depTokens)}${extras(f, 3, ['file', 'token', 'depTokens'])}`,
    );
  const inPart = (si: number, f: IncomingFile) =>
    cached(f, () => {
      const x = extras(f, 5, ['file', 'token', 'depTokens']);
      return `i${si}:${f.retrieveStatus}:${f.userRetrieved ? 1 : 0}:${depNames(f.depTokens)}${x}`;
    });
  const propsParts = new WeakMap<object, [number, string][]>();
  const propPart = (props: object) =>
    cached(props, () => {
      const entries = Object.entries(props).filter(([, v]) => v !== undefined);
      return entries.length
        ? `p${JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1)))}`
        : '';
    });

  // A signature and a part joined, made once per pair: the same string object every time, so
  // its hash is computed once and the class multisets below (Maps keyed by signature) stay cheap.
  const joined = new Map<string, Map<string, string>>();
  const join = (sig: string, part: string) => {
    let byPart = joined.get(sig);
    if (!byPart) joined.set(sig, (byPart = new Map()));
    let out = byPart.get(part);
    if (out === undefined) byPart.set(part, (out = `${sig}|${part}`));
    return out;
  };

  return (state: LuoState): StateDescription => {
    // Parts of a file's signature, in a fixed order of kinds; within a kind whose entries may
    // come in any order (orphans, released files), sorted.
    const sigs: string[] = files.map(() => '');
    const add = (i: number, part: string) => {
      sigs[i] = sigs[i] === '' ? part : join(sigs[i]!, part);
    };
    // Handles of an earlier boot hold no fd, like a handle never opened: left out.
    const open = state.handles
      .entries()
      .filter(([, h]) => h !== null && h.boot === state.boot)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const global: string[] = [
      `b${state.boot}`,
      `n${state.nextSid}`,
      JSON.stringify(open),
      state.devOpen ? 'd' : 'D',
      state.hung ? `h${state.hung.reason}` : '',
    ];
    let identities = false;
    state.outgoing.forEach((s, si) => {
      global.push(`o${si}:${s.sid}:${s.name}${extras(s, 3, ['files'])}`);
      for (const f of s.files) add(at(f.file), outPart(si, f));
    });
    state.incoming.forEach((s, si) => {
      global.push(
        `i${si}:${s.sid}:${s.name}:${s.retrieved ? 1 : 0}${s.stuck ? 1 : 0}${extras(s, 5, ['files'])}`,
      );
      for (const f of s.files) add(at(f.file), inPart(si, f));
    });
    // The props record is shared by the states a step leaves it unchanged in.
    let parts = propsParts.get(state.props);
    if (!parts) {
      parts = [];
      for (const [id, props] of Object.entries(state.props)) {
        const part = propPart(props);
        if (part) parts.push([at(id), part]);
      }
      propsParts.set(state.props, parts);
    }
    for (const [i, part] of parts) add(i, part);
    for (const id of state.retrievedFds) add(at(id), 'r');
    const unordered = new Map<number, string[]>();
    const later = (i: number, part: string) => {
      const list = unordered.get(i);
      if (list) list.push(part);
      else unordered.set(i, [part]);
    };
    for (const o of state.orphans) {
      later(at(o.file), `O${fileName(o.dependsOn)}:${o.detected ? 1 : 0}:${o.boot}`);
    }
    for (const r of state.released) {
      later(at(r.file), `R${r.retrieveStatus}:${r.userRetrieved ? 1 : 0}:${depNames(r.depTokens)}`);
    }
    for (const [i, list] of unordered) add(i, list.sort().join('|'));
    for (const id of state.dataLoss) add(at(id), 'L');
    for (const id of state.devicesReset) add(at(id), 'Z');
    global.push(JSON.stringify(state.stuckSessions));
    for (const [k, v] of Object.entries(state)) {
      if (KNOWN.has(k) || trivial(v)) continue;
      // A field this explorer does not know: kept whole, and files stop being interchangeable.
      global.push(`${k}=${JSON.stringify(v)}`);
      identities = true;
    }
    if (identities) sigs.forEach((sig, i) => (sigs[i] = `${sig}#${i}`));
    const perClass = classes.members.map((m) => (m.length === 1 ? sigs[m[0]!]! : counted(m, sigs)));
    const g = global.join(' ');
    return { key: `${g}/${perClass.join('/')}`, global: g, sigs };
  };
}

/** A class's signatures as a multiset: each distinct one with how many members have it. */
function counted(members: readonly number[], sigs: readonly string[]): string {
  const n = new Map<string, number>();
  for (const i of members) n.set(sigs[i]!, (n.get(sigs[i]!) ?? 0) + 1);
  return [...n]
    .map(([sig, k]) => `${k}*${sig}`)
    .sort()
    .join(';');
}
