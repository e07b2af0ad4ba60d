/**
 * The human output of `replay`: each step with its arguments, result and reason, the handler
 * callbacks indented beneath, then the outcome. Every piece of document text is escaped so a
 * title or a session name cannot write control sequences to the terminal.
 */
import type { Callback, Result, Switches } from '../engine';
import { ALL_SWITCH_NAMES, correctionById } from '../engine';
import type { ReplayResult, TraceDoc, TraceStep } from '../trace';

/** Text with every control character escaped (`\n`, `\u001b`). */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** A handle or id as written in an argument list: bare when it is a plain word. */
function word(value: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(value) ? value : clean(JSON.stringify(value));
}

/** One line per model correction that changed a step: what the kernel does, and why. */
function correctionLines(mismatches: ReplayResult['outcome']['mismatches']): string[] {
  const ids = [...new Set(mismatches.flatMap((m) => (m.correction ? [m.correction] : [])))];
  return ids.map((id) => {
    const c = correctionById(id);
    return `  correction ${id} (luoscope ${c.version}): ${c.title}; before: ${c.before}`;
  });
}

/** The step as a call: `preserve(session=S, file=vm, token=1)`. */
export function stepCall(s: TraceStep): string {
  const args: string[] = [];
  switch (s.op) {
    case 'createSession':
    case 'retrieveSession':
      args.push(`name=${clean(JSON.stringify(s.name))}`);
      if (s.as !== s.name) args.push(`as=${word(s.as)}`);
      break;
    case 'preserve':
      args.push(`session=${word(s.session)}`, `file=${s.file}`, `token=${s.token}`);
      break;
    case 'retrieve':
      args.push(`session=${word(s.session)}`, `token=${s.token}`);
      break;
    case 'finish':
      args.push(`session=${word(s.session)}`);
      if (s.reserved !== 0) args.push(`reserved=${s.reserved}`);
      break;
    case 'closeSession':
      args.push(`session=${word(s.session)}`);
      break;
    case 'kexec':
    case 'openDevice':
    case 'closeDevice':
      break;
    case 'freezeSession':
      args.push(`session=${word(s.session)}`);
      if (s.reserved !== 0) args.push(`reserved=${s.reserved}`);
      break;
    case 'getSessionName':
      args.push(`session=${word(s.session)}`);
      break;
    case 'set':
      args.push(`file=${s.file}`, `prop=${s.prop}`, `value=${JSON.stringify(s.value)}`);
      break;
  }
  return `${s.op}(${args.join(', ')})`;
}

function callbackLine(c: Callback): string {
  const status = c.status === undefined ? '' : `, status ${c.status}`;
  return `${c.cb}(${c.file}${status}) in session ${clean(JSON.stringify(c.session))} -> ${c.result}`;
}

function expectNote(expected: Result | undefined, actual: Result): string {
  if (expected === undefined) return '';
  return expected === actual ? '  (as expected)' : `  MISMATCH: expected ${expected}`;
}

function switchesLine(doc: TraceDoc, switches: Switches): string {
  // The switches the replay lists (those of §4.1, and the tree switches where they apply).
  const names = ALL_SWITCH_NAMES.filter((name) => name in switches);
  const parts = names.map((name) => {
    const mark = doc.switches[name] === undefined ? '' : '*';
    return `${name}=${String(switches[name])}${mark}`;
  });
  return `switches: ${parts.join(', ')}`;
}

function list<T>(items: readonly T[], show: (item: T) => string): string {
  return items.length ? items.map(show).join('; ') : 'none';
}

/** The whole human report of a replay, as lines ending with a newline. */
export function formatReplayText(source: string, doc: TraceDoc, replay: ReplayResult): string {
  const lines: string[] = [`luoscope replay ${clean(source)}`];
  if (doc.title !== undefined) lines.push(`title: ${clean(doc.title)}`);
  if (replay.kernel !== undefined) lines.push(`kernel tree ${replay.kernel}`);
  lines.push(`variant ${replay.variant}`, switchesLine(doc, replay.switches), '');
  const width = String(Math.max(0, replay.steps.length - 1)).length;
  for (const r of replay.steps) {
    const s = doc.steps[r.index]!;
    const index = String(r.index).padStart(width);
    lines.push(`[${index}] ${stepCall(s)} = ${r.result}${expectNote(s.expect, r.result)}`);
    const pad = ' '.repeat(width + 3);
    lines.push(`${pad}${clean(r.reason)}`);
    for (const c of r.callbacks) lines.push(`${pad}  ${callbackLine(c)}`);
  }
  const o = replay.outcome;
  lines.push(
    '',
    'outcome:',
    `  boots: ${o.boots}`,
    `  orphans: ${list(o.orphans, (x) => `${x.file} without ${x.dependsOn} (${x.detected ? 'detected' : 'not detected'})`)}`,
    `  data loss: ${list(o.dataLoss, (f) => f)}`,
    `  stuck sessions: ${list(o.stuckSessions, (s) => clean(JSON.stringify(s)))}`,
    `  mismatches: ${list(o.mismatches, (m) => `step ${m.step} expected ${m.expected}, got ${m.actual}${m.correction ? ` (correction ${m.correction})` : ''}`)}`,
    ...correctionLines(o.mismatches),
  );
  return `${lines.join('\n')}\n`;
}
