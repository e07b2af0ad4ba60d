/**
 * What the timeline shows, read off a replayed history: per step its op, result and boot; the
 * session groups and their files; the operations on each file (the kernel's own retrievals
 * included); each file's crossing of a kexec; and where an orphan, a data loss or a stuck
 * session appears. Op names and results it does not know are kept as they are.
 */
import type { FileSpec, LuoState, Step, StepResult } from '../engine';

export interface TimelineEvents {
  steps: { op: string; result: string; boot: number }[];
  groups: { id: string; label: string; files: string[] }[];
  glyphs: {
    row: string;
    step: number;
    op: string;
    result: string;
    implicit: boolean;
    title: string;
  }[];
  arcs: { row: string; from: number; to: number; implicit: boolean }[];
  marks: { row: string; step: number; kind: 'orphan' | 'data-loss' | 'stuck'; text: string }[];
}

interface Input {
  files: readonly FileSpec[];
  states: readonly LuoState[];
  log: readonly { step: Step; result: StepResult }[];
}

/** Row ids: `s:<session name>` for a session's own row, `f:<file id>` for a file. */
export const sessionRow = (name: string) => `s:${name}`;
export const fileRow = (id: string) => `f:${id}`;
const NO_SESSION = '(no session)';

/** The name of the session a handle holds in `state`, if it holds one. */
function sessionOf(state: LuoState, handle: unknown): { name: string; sid: number } | null {
  const h = state.handles.get(String(handle));
  // A handle of an earlier boot holds no fd (fds do not survive kexec).
  if (!h || h.boot !== state.boot) return null;
  const s = state.outgoing.get(h.sid) ?? state.incoming.get(h.sid);
  return s ? { name: s.name, sid: s.sid } : null;
}

/** The items of `next` past what it shares with `prev` (the lists only grow within a boot). */
function added<T>(prev: readonly T[], next: readonly T[]): T[] {
  if (next === prev) return [];
  let k = 0;
  while (k < prev.length && k < next.length && prev[k] === next[k]) k++;
  return next.slice(k);
}

export function timelineEvents({ files, states, log }: Input): TimelineEvents {
  const out: TimelineEvents = { steps: [], groups: [], glyphs: [], arcs: [], marks: [] };
  const sessionOrder: string[] = [];
  const seeSession = (name: string) => {
    if (!sessionOrder.includes(name)) sessionOrder.push(name);
  };
  const fileGroup = new Map<string, string>();
  const firstTry = new Map<string, string>();
  // The last successful preserve of each file, and the boot it was in.
  const preserved = new Map<string, { step: number; boot: number }>();
  const retrievedIn = new Set<string>();

  log.forEach(({ step, result: r }, i) => {
    const before = states[i]!;
    const after = states[i + 1] ?? before;
    const n = i + 1;
    const op: string = step.op;
    const result = String(r.result);
    const boot = before.boot;
    out.steps.push({ op, result, boot });
    const glyph = (row: string, what: string, implicit = false, res = result, o = op) =>
      out.glyphs.push({
        row,
        step: n,
        op: o,
        result: res,
        implicit,
        title: `${n}. ${what}: ${res}`,
      });
    const arcTo = (file: string, implicit: boolean) => {
      const p = preserved.get(file);
      const key = `${file}@${boot}`;
      if (!p || p.boot !== boot - 1 || retrievedIn.has(key)) return;
      retrievedIn.add(key);
      out.arcs.push({ row: fileRow(file), from: p.step, to: n, implicit });
    };
    const s = step as { file?: unknown; session?: unknown; name?: unknown; token?: unknown };
    let target: string | null = null;
    if (op === 'preserve' || op === 'set') {
      const file = String(s.file);
      const session = sessionOf(before, s.session)?.name ?? String(s.session);
      if (op === 'preserve') {
        seeSession(session);
        if (!firstTry.has(file)) firstTry.set(file, session);
        if (result === 'ok') {
          if (!fileGroup.has(file)) fileGroup.set(file, session);
          preserved.set(file, { step: n, boot });
        }
        glyph(fileRow(file), `preserve ${file} into "${session}" as token ${String(s.token)}`);
      } else glyph(fileRow(file), `set ${file}`);
    } else if (op === 'retrieve') {
      const where = sessionOf(before, s.session);
      const inc = where ? before.incoming.get(where.sid) : undefined;
      target = inc?.files.find((f) => f.token === s.token)?.file ?? null;
      const what = `retrieve token ${String(s.token)} from "${where?.name ?? String(s.session)}"`;
      if (target) {
        glyph(fileRow(target), what);
        if (result === 'ok') arcTo(target, false);
      } else {
        seeSession(where?.name ?? NO_SESSION);
        glyph(sessionRow(where?.name ?? NO_SESSION), what);
      }
    } else if (op !== 'kexec') {
      const named = typeof s.name === 'string' ? s.name : null;
      const name = named ?? sessionOf(before, s.session)?.name ?? null;
      if (name !== null) seeSession(name);
      else if (s.file !== undefined) {
        glyph(fileRow(String(s.file)), `${op} ${String(s.file)}`);
      }
      if (name !== null) glyph(sessionRow(name), `${op} "${name}"`);
    }
    // The kernel's own retrievals: a retrieve callback on a file the step did not name.
    for (const c of r.callbacks ?? []) {
      if (c.cb !== 'retrieve' || c.file === target) continue;
      glyph(fileRow(c.file), `kernel retrieved ${c.file}`, true, String(c.result), 'retrieve');
      if (c.result === 'ok') arcTo(c.file, true);
    }
    for (const o of added(before.orphans, after.orphans)) {
      const text = `${o.file} orphaned: ${o.dependsOn} never handed over${o.detected ? ' (detected)' : ''}`;
      out.marks.push({ row: fileRow(o.file), step: n, kind: 'orphan', text });
    }
    for (const f of added(before.dataLoss, after.dataLoss)) {
      out.marks.push({ row: fileRow(f), step: n, kind: 'data-loss', text: `${f}: data lost` });
    }
    for (const name of added(before.stuckSessions, after.stuckSessions)) {
      seeSession(name);
      out.marks.push({ row: sessionRow(name), step: n, kind: 'stuck', text: `"${name}" stuck` });
    }
  });

  const members = new Map<string, string[]>();
  for (const f of files) {
    const g = fileGroup.get(f.id) ?? firstTry.get(f.id) ?? NO_SESSION;
    if (g === NO_SESSION) seeSession(NO_SESSION);
    members.set(g, [...(members.get(g) ?? []), f.id]);
  }
  for (const name of sessionOrder) {
    out.groups.push({
      id: sessionRow(name),
      label: name === NO_SESSION ? 'not preserved' : `session "${name}"`,
      files: (members.get(name) ?? []).map(fileRow),
    });
  }
  return out;
}
