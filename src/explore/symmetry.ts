/**
 * Interchangeable files, and what the explorer remembers of a state up to them.
 *
 * Two files are interchangeable when swapping their ids maps the scenario to itself: same
 * type, properties and boot, the same dependencies, and the same files depending on them.
 * Tokens follow files (token = position + 1), so swapping two such files, with their tokens,
 * maps every run to a run with the same steps up to the swap, and every state to a state
 * that differs only by the swap: the engine looks files up by id and token, never by name.
 *
 * A describer (`stateDescriber`) gives each file a signature (everything the state says
 * about it, with other files named by class where their class has several members) and a
 * key: the global part of the state plus, per class, the sorted multiset of its members'
 * signatures. Two states with the same key differ by a permutation inside classes.
 *
 * A signature is a sequence of parts (one per kind of entry that names the file). Each
 * distinct part and each distinct sequence gets a number the first time the describer meets
 * it, so a signature is compared, counted and looked up as a number; `text` gives the string
 * it stands for, which is the same in every describer of the scenario (witness.ts matches
 * files by it).
 */
import type {
  FileId,
  FileSpec,
  IncomingFile,
  IncomingSession,
  LuoState,
  OutgoingFile,
  OutgoingSession,
  PTable,
  Token,
} from '../engine';

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
  /** Signature of each file (by position), as its number in the describer. */
  sigs: number[];
}

/** A state already described, that the one to describe was stepped from. */
export interface Described {
  state: LuoState;
  sigs: readonly number[];
}

/**
 * Describes states of one scenario; its signature numbers are its own. Given the state a
 * step started from, with its signatures, it describes again only the files whose entries
 * the step changed (the tables are persistent: what a step leaves alone is shared, so the
 * changed entries are found without looking at the others); the result is the same.
 */
export interface StateDescriber {
  (state: LuoState, from?: Described): StateDescription;
  /** The text a signature number stands for. */
  text(sig: number): string;
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
export function stateDescriber(files: readonly FileSpec[], classes: FileClasses): StateDescriber {
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

  // Parts by number, and signatures: 0 is the empty one, each other one extends a shorter
  // signature by one part (`extended` finds it, made once per pair).
  const partIds = new Map<string, number>();
  const partTexts: string[] = [];
  const partOf = (text: string) => {
    let p = partIds.get(text);
    if (p === undefined) {
      partIds.set(text, (p = partTexts.length));
      partTexts.push(text);
    }
    return p;
  };
  const prefix: number[] = [-1];
  const last: number[] = [-1];
  const extended: Map<number, number>[] = [new Map()];
  const texts: (string | undefined)[] = [''];
  const extend = (sig: number, part: number) => {
    const byPart = extended[sig]!;
    let out = byPart.get(part);
    if (out === undefined) {
      byPart.set(part, (out = prefix.length));
      prefix.push(sig);
      last.push(part);
      extended.push(new Map());
      texts.push(undefined);
    }
    return out;
  };
  const text = (sig: number): string => {
    let t = texts[sig];
    if (t === undefined) {
      const head = prefix[sig]!;
      const part = partTexts[last[sig]!]!;
      texts[sig] = t = head === 0 ? part : `${text(head)}|${part}`;
    }
    return t;
  };

  // Entries are immutable and shared between states: their part of a signature is kept.
  const memo = new WeakMap<object, number>();
  const cached = (o: object, make: () => string) => {
    let v = memo.get(o);
    if (v === undefined) memo.set(o, (v = partOf(make())));
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
  const propsParts = new WeakMap<object, [number, number][]>();
  // A file's properties record as a part, or -1 when it sets none.
  const propPart = (props: object) => {
    let part = memo.get(props);
    if (part === undefined) {
      const entries = Object.entries(props).filter(([, v]) => v !== undefined);
      const t = entries.length
        ? `p${JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1)))}`
        : '';
      memo.set(props, (part = t ? partOf(t) : -1));
    }
    return part;
  };
  const orphanPart = (o: LuoState['orphans'][number]) =>
    `O${fileName(o.dependsOn)}:${o.detected ? 1 : 0}:${o.boot}`;
  const releasedPart = (r: IncomingFile) =>
    `R${r.retrieveStatus}:${r.userRetrieved ? 1 : 0}:${depNames(r.depTokens)}`;
  const RETRIEVED = partOf('r');
  const LOST = partOf('L');
  const RESET = partOf('Z');

  // Every signature, from the state alone.
  const sigsOf = (state: LuoState): number[] => {
    // Parts of a file's signature, in a fixed order of kinds; within a kind whose entries may
    // come in any order (orphans, released files), sorted.
    const sigs: number[] = files.map(() => 0);
    const add = (i: number, part: number) => {
      sigs[i] = extend(sigs[i]!, part);
    };
    state.outgoing.forEach((s, si) => {
      for (const f of s.files) add(at(f.file), outPart(si, f));
    });
    state.incoming.forEach((s, si) => {
      for (const f of s.files) add(at(f.file), inPart(si, f));
    });
    // The props record is shared by the states a step leaves it unchanged in.
    let parts = propsParts.get(state.props);
    if (!parts) {
      parts = [];
      for (const [id, props] of Object.entries(state.props)) {
        const part = propPart(props);
        if (part >= 0) parts.push([at(id), part]);
      }
      propsParts.set(state.props, parts);
    }
    for (const [i, part] of parts) add(i, part);
    for (const id of state.retrievedFds) add(at(id), RETRIEVED);
    const unordered = new Map<number, string[]>();
    const later = (i: number, part: string) => {
      const list = unordered.get(i);
      if (list) list.push(part);
      else unordered.set(i, [part]);
    };
    for (const o of state.orphans) later(at(o.file), orphanPart(o));
    for (const r of state.released) later(at(r.file), releasedPart(r));
    for (const [i, list] of unordered) add(i, partOf(list.sort().join('|')));
    for (const id of state.dataLoss) add(at(id), LOST);
    for (const id of state.devicesReset) add(at(id), RESET);
    return sigs;
  };

  // One file's signature, from the state alone: the parts sigsOf gives it, in the same order.
  const sigOf = (state: LuoState, id: FileId): number => {
    let sig = 0;
    state.outgoing.forEach((s, si) => {
      for (const f of s.files.allBy(id)) sig = extend(sig, outPart(si, f));
    });
    state.incoming.forEach((s, si) => {
      for (const f of s.files.allBy(id)) sig = extend(sig, inPart(si, f));
    });
    const props = state.props[id];
    const part = props ? propPart(props) : -1;
    if (part >= 0) sig = extend(sig, part);
    if (state.retrievedFds.has(id)) sig = extend(sig, RETRIEVED);
    const list: string[] = [];
    for (const o of state.orphans) if (o.file === id) list.push(orphanPart(o));
    for (const r of state.released) if (r.file === id) list.push(releasedPart(r));
    if (list.length) sig = extend(sig, partOf(list.sort().join('|')));
    for (const x of state.dataLoss) if (x === id) sig = extend(sig, LOST);
    for (const x of state.devicesReset) if (x === id) sig = extend(sig, RESET);
    return sig;
  };

  // The files whose entries differ between two states (a superset), or null when the two
  // cannot be compared entry by entry.
  const changedFiles = (state: LuoState, before: LuoState): Set<FileId> | null => {
    const out = new Set<FileId>();
    const mark = (f: { file: FileId } | undefined) => f && out.add(f.file);
    const sessions = <
      F extends { file: FileId },
      S extends { sid: number; files: PTable<Token, F> },
    >(
      now: PTable<number, S>,
      was: PTable<number, S>,
    ) => {
      if (now === was) return true;
      if (now.length !== was.length) return false;
      for (let si = 0; si < now.length; si++) {
        const s = now.at(si)!;
        const b = was.at(si)!;
        if (s.sid !== b.sid) return false;
        if (s.files !== b.files && !s.files.changesFrom(b.files, (r, w) => (mark(r), mark(w))))
          return false;
      }
      return true;
    };
    if (state.files !== before.files) return null;
    if (!sessions<OutgoingFile, OutgoingSession>(state.outgoing, before.outgoing)) return null;
    if (!sessions<IncomingFile, IncomingSession>(state.incoming, before.incoming)) return null;
    if (state.props !== before.props) {
      for (const id of new Set([...Object.keys(state.props), ...Object.keys(before.props)]))
        if (state.props[id] !== before.props[id]) out.add(id as FileId);
    }
    if (
      state.retrievedFds !== before.retrievedFds &&
      !state.retrievedFds.changesFrom(before.retrievedFds, (r, w) => {
        if (r) out.add(r);
        if (w) out.add(w);
      })
    )
      return null;
    const lists = <T>(now: readonly T[], was: readonly T[], fileOf: (x: T) => FileId) => {
      if (now === was) return;
      for (const x of now) out.add(fileOf(x));
      for (const x of was) out.add(fileOf(x));
    };
    lists(state.orphans, before.orphans, (o) => o.file);
    lists(state.released, before.released, (r) => r.file);
    lists(state.dataLoss, before.dataLoss, (id) => id);
    lists(state.devicesReset, before.devicesReset, (id) => id);
    return out;
  };

  // Handles of an earlier boot hold no fd, like a handle never opened: left out. The table
  // is shared by the states a step leaves it unchanged in, so its text is kept (per boot).
  const handleTexts = new WeakMap<object, { boot: number; text: string }>();
  const openHandles = (state: LuoState) => {
    const kept = handleTexts.get(state.handles);
    if (kept?.boot === state.boot) return kept.text;
    const open = state.handles
      .entries()
      .filter(([, h]) => h !== null && h.boot === state.boot)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const text = JSON.stringify(open);
    handleTexts.set(state.handles, { boot: state.boot, text });
    return text;
  };

  const describe = (state: LuoState, from?: Described): StateDescription => {
    const global: string[] = [
      `b${state.boot}`,
      `n${state.nextSid}`,
      openHandles(state),
      state.devOpen ? 'd' : 'D',
      state.hung ? `h${state.hung.reason}` : '',
    ];
    let identities = false;
    state.outgoing.forEach((s, si) => {
      global.push(`o${si}:${s.sid}:${s.name}${extras(s, 3, ['files'])}`);
    });
    state.incoming.forEach((s, si) => {
      global.push(
        `i${si}:${s.sid}:${s.name}:${s.retrieved ? 1 : 0}${s.stuck ? 1 : 0}${extras(s, 5, ['files'])}`,
      );
    });
    global.push(JSON.stringify(state.stuckSessions));
    for (const k in state) {
      if (KNOWN.has(k)) continue;
      const v = (state as unknown as Record<string, unknown>)[k];
      if (trivial(v)) continue;
      // A field this explorer does not know: kept whole, and files stop being interchangeable.
      global.push(`${k}=${JSON.stringify(v)}`);
      identities = true;
    }
    const changed = from && !identities ? changedFiles(state, from.state) : null;
    let sigs: number[];
    if (changed) {
      sigs = from!.sigs.slice();
      for (const id of changed) {
        const i = index.get(id);
        if (i !== undefined) sigs[i] = sigOf(state, id);
      }
    } else sigs = sigsOf(state);
    if (identities) sigs.forEach((sig, i) => (sigs[i] = extend(sig, partOf(`#${i}`))));
    const perClass = classes.members.map((m) => (m.length === 1 ? sigs[m[0]!]! : counted(m, sigs)));
    const g = global.join(' ');
    return { key: `${g}/${perClass.join('/')}`, global: g, sigs };
  };
  return Object.assign(describe, { text });
}

/** A class's signatures as a multiset: each distinct one with how many members have it. */
function counted(members: readonly number[], sigs: readonly number[]): string {
  const n = new Map<number, number>();
  for (let k = 0; k < members.length; k++) {
    const sig = sigs[members[k]!]!;
    n.set(sig, (n.get(sig) ?? 0) + 1);
  }
  return [...n]
    .sort(([a], [b]) => a - b)
    .map(([sig, k]) => `${k}*${sig}`)
    .join(';');
}
