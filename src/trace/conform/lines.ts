/**
 * One line of a reproducer's output, classified: the version line that starts a stage's
 * stream, the comment lines that name the trace (`# key: value`), the plan, a step's result
 * line, a `Bail out!`, the totals, or anything else (console noise, which TAP ignores).
 */
import { ERRNO_NAMES } from '../../engine';

export type Line =
  | { kind: 'version' }
  | { kind: 'meta'; key: MetaKey; value: string }
  | { kind: 'totals' }
  | { kind: 'plan'; count: number }
  | { kind: 'result'; ok: boolean; step: number; text: string }
  | { kind: 'bail'; step: number | null; text: string }
  | { kind: 'other' }
  /** Starts like a result line but is not one: a cut or garbled line. */
  | { kind: 'garbled'; why: string };

/** The `# key: value` lines a reproducer prints before its plan. */
export const META_KEYS = [
  'luoscope',
  'trace',
  'steps',
  'expectations',
  'uname -r',
  'stage',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

const KNOWN = new Set<string>(ERRNO_NAMES);

/** Classifies one line (its line break and trailing blanks already removed). */
export function classify(raw: string): Line {
  const line = raw.trimStart();
  if (/^K?TAP version \d+$/.test(line)) return { kind: 'version' };
  if (line.startsWith('# Totals:')) return { kind: 'totals' };
  const meta = /^# ([a-z -]+): (.*)$/.exec(line);
  if (meta && (META_KEYS as readonly string[]).includes(meta[1]!)) {
    return { kind: 'meta', key: meta[1] as MetaKey, value: meta[2]! };
  }
  const plan = /^1\.\.(\d+)(?: #.*)?$/.exec(line);
  if (plan) return { kind: 'plan', count: Number(plan[1]) };
  if (/^(not ok|ok)(\s|$)/.test(line)) {
    const result = /^(not ok|ok) ([1-9]\d{0,8}) - (.*)$/.exec(line);
    if (!result) return { kind: 'garbled', why: 'a result line without "ok N - CALL"' };
    return { kind: 'result', ok: result[1] === 'ok', step: Number(result[2]), text: result[3]! };
  }
  if (line.startsWith('Bail out!')) {
    const step = /^Bail out! step ([1-9]\d{0,8}): (.*)$/.exec(line);
    return step
      ? { kind: 'bail', step: Number(step[1]), text: step[2]! }
      : { kind: 'bail', step: null, text: line.slice('Bail out!'.length).trim() };
  }
  return { kind: 'other' };
}

/** A returned value as printed (`0`, `-EAGAIN`, `-95`) to a result, or null when garbled. */
export function resultToken(token: string): string | null {
  if (token === '0') return 'ok';
  const name = /^-(E[A-Z0-9]+)$/.exec(token);
  if (name) return KNOWN.has(name[1]!) ? name[1]! : null;
  const number = /^-([1-9]\d{0,4})$/.exec(token);
  return number ? `errno ${number[1]}` : null;
}

/** What follows the call in a result line. */
export type Tail =
  | { kind: 'returned'; result: string }
  | { kind: 'skip'; reason: string }
  | { kind: 'garbled'; why: string };

/** Reads the part of a result line after the call: ` = R`, ` = R, luoscope expected X: ...`, ` # SKIP why`. */
export function readTail(tail: string): Tail {
  const skip = /^ # SKIP (.+)$/.exec(tail);
  if (skip) return { kind: 'skip', reason: skip[1]!.replace(/ \(luoscope: [^()]*\)$/, '') };
  const value =
    /^ = (\S+?)(?:, luoscope expected \S+: (?:MISMATCH|the kexec did not happen))?$/.exec(tail);
  if (!value) return { kind: 'garbled', why: 'no " = RESULT" or " # SKIP reason" after the call' };
  const result = resultToken(value[1]!);
  if (result === null)
    return { kind: 'garbled', why: `${JSON.stringify(value[1])} is not a result` };
  return { kind: 'returned', result };
}
