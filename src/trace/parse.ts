/**
 * Reading a `luoscope/trace@1` document: `parseTrace(text)` for JSON text (a file, an import,
 * a share link) and `validateTrace(json)` for a value already parsed. A document is accepted
 * as a whole or refused with one line naming the JSON path of its first problem
 * (`steps[3].token: must be an integer`), as TRACE-FORMAT.md requires.
 */
import type {
  FileId,
  FileProps,
  FileSpec,
  PropValue,
  Result,
  SessionHandle,
  Step,
  Switches,
  Token,
  TreeId,
  Variant,
} from '../engine';
import type { Problem } from './problem';
import { firstProblem, formatProblem, zodProblems } from './problem';
import type { FileJson, StepJson, TraceJson } from './schema';
import { MAX_TRACE_BYTES, PROP_NAMES, TRACE_FORMAT, quote, traceSchema } from './schema';
import { semanticProblems } from './semantics';

/** A step of a trace: an engine step plus the result the author expects, if any. */
export type TraceStep = Step & { expect?: Exclude<Result, 'not reached'> };

/** A validated trace: what the engine needs to replay it, with defaults filled in. */
export interface TraceDoc {
  /** Free text; rendered as text, never as HTML. Absent when the document has none. */
  title?: string;
  /** The kernel tree (SEMANTICS §8.5); absent means `2026-06`, forever. */
  kernel?: TreeId;
  variant: Variant;
  /** Only the switches the document overrides (resolve with `resolveSwitches`). */
  switches: Partial<Switches>;
  /** Engine files: `deps` default `[]`, `boot` default 0, only the properties declared. */
  files: FileSpec[];
  /** Engine steps: `as` defaults to `name`, `reserved` to 0. */
  steps: TraceStep[];
}

/** A document accepted, or refused with a one-line `<json path>: <problem>` message. */
export type ParseResult = { ok: true; doc: TraceDoc } | { ok: false; error: string };

const refuse = (problem: Problem): ParseResult => ({ ok: false, error: formatProblem(problem) });

/** The message for a document larger than `MAX_TRACE_BYTES`. */
export function tooLargeMessage(bytes: number): string {
  return formatProblem({
    path: [],
    message: `document is ${bytes} bytes; at most ${MAX_TRACE_BYTES} (16 MiB, MAX_TRACE_BYTES) are accepted`,
  });
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** "(line 3, column 7)" for an offset in the text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function notJson(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // V8 may add its own "(line 2 column 2)"; it is replaced by ours, the same on every version.
  const message = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const at = /position (\d+)/.exec(message);
  const where = at ? ` (${lineColumn(text, Number(at[1]))})` : '';
  const short = message.length > 160 ? `${message.slice(0, 160)}…` : message;
  return formatProblem({ path: [], message: `not JSON: ${short}${where}` });
}

/** Parses and validates the text of a trace document. */
export function parseTrace(text: string): ParseResult {
  const json = parseJson(text);
  return json.ok ? validateTrace(json.json) : json;
}

/**
 * The first half of `parseTrace`: the text's size and its JSON, refused with the same messages
 * (the page validates the value in a task of its own, for a large file).
 */
export function parseJson(
  text: string,
): { ok: true; json: unknown } | { ok: false; error: string } {
  const bytes = utf8Length(text);
  if (bytes > MAX_TRACE_BYTES) return { ok: false, error: tooLargeMessage(bytes) };
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: notJson(text, error) };
  }
}

/**
 * Validates a parsed JSON value as a trace document. The top level must be an object whose
 * `format` is exactly `luoscope/trace@1`: that is checked first, since nothing else in a
 * document of another format means anything here. Then the first problem in document order,
 * from the shape (zod) or from the semantic check, wins.
 */
export function validateTrace(json: unknown): ParseResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const got = json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json;
    return refuse({
      path: [],
      message: `must be an object (a luoscope trace document), not ${got}`,
    });
  }
  const format = (json as Record<string, unknown>).format;
  if (format !== TRACE_FORMAT) {
    const got = format === undefined ? 'it is missing' : `got ${quote(format)}`;
    return refuse({ path: ['format'], message: `must be "${TRACE_FORMAT}" (${got})` });
  }
  const shape = traceSchema.safeParse(json);
  const problems = [
    ...(shape.success ? [] : zodProblems(json, shape.error.issues)),
    ...semanticProblems(json),
  ];
  const first = firstProblem(json, problems);
  if (first) return refuse(first);
  if (!shape.success) throw new Error('unreachable: a shape issue always yields a problem');
  return { ok: true, doc: toDoc(shape.data) };
}

function toFile(f: FileJson): FileSpec {
  const spec: FileSpec = {
    id: f.id as FileId,
    type: f.type,
    deps: (f.deps ?? []) as FileId[],
    boot: f.boot ?? 0,
  };
  const props = f as Partial<Record<keyof FileProps, unknown>>;
  for (const name of PROP_NAMES) {
    if (props[name] !== undefined) Object.assign(spec, { [name]: props[name] });
  }
  return spec;
}

function toStep(s: StepJson): TraceStep {
  const expect = s.expect === undefined ? {} : { expect: s.expect as TraceStep['expect'] };
  switch (s.op) {
    case 'createSession':
    case 'retrieveSession':
      return { op: s.op, name: s.name, as: (s.as ?? s.name) as SessionHandle, ...expect };
    case 'preserve':
      return {
        op: s.op,
        session: s.session as SessionHandle,
        file: s.file as FileId,
        token: s.token as Token,
        ...expect,
      };
    case 'retrieve':
      return { op: s.op, session: s.session as SessionHandle, token: s.token as Token, ...expect };
    case 'finish':
      return {
        op: s.op,
        session: s.session as SessionHandle,
        reserved: s.reserved ?? 0,
        ...expect,
      };
    case 'closeSession':
      return { op: s.op, session: s.session as SessionHandle, ...expect };
    case 'kexec':
    case 'openDevice':
    case 'closeDevice':
      return { op: s.op, ...expect };
    case 'freezeSession':
      return {
        op: s.op,
        session: s.session as SessionHandle,
        reserved: s.reserved ?? 0,
        ...expect,
      };
    case 'getSessionName':
      return { op: s.op, session: s.session as SessionHandle, ...expect };
    case 'set':
      return {
        op: s.op,
        file: s.file as FileId,
        prop: s.prop as keyof FileProps,
        value: s.value as PropValue,
        ...expect,
      };
  }
}

function toDoc(json: TraceJson): TraceDoc {
  const doc: TraceDoc = {
    variant: json.variant,
    switches: { ...json.switches } as Partial<Switches>,
    files: json.files.map(toFile),
    steps: json.steps.map(toStep),
  };
  const kernel = json.kernel === undefined ? {} : { kernel: json.kernel };
  return json.title === undefined
    ? { ...kernel, ...doc }
    : { title: json.title, ...kernel, ...doc };
}
