/**
 * The semantic check of a trace document: what the shape alone cannot say. Unique file ids,
 * dependencies that exist and follow each type's `DepRule` (the handler's, SEMANTICS §3),
 * cycles only among `generic` files, properties a type has, session handles named by an
 * earlier step. It reads the raw JSON leniently (a value of the wrong shape is skipped: the
 * shape check reports it), so its problems can be ordered with the shape's by position.
 */
import { FILE_TYPES, handlerFor } from '../engine';
import type { FileType, PropSpec } from '../engine';
import type { JsonPath, Problem } from './problem';
import { FILE_ID_PATTERN, PROP_NAMES, propValueSchema, quote } from './schema';

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function fileId(value: unknown): string | undefined {
  return typeof value === 'string' && FILE_ID_PATTERN.test(value) ? value : undefined;
}

function fileType(value: unknown): FileType | undefined {
  return FILE_TYPES.find((t) => t === value);
}

/** The props a type declares (`pipe` has no handler, so none). */
function propsOf(type: FileType): readonly PropSpec[] {
  return handlerFor(type)?.props ?? [];
}

function noSuchProp(type: FileType, name: string): string {
  const has = propsOf(type).map((p) => p.name);
  const which = has.length ? `it has ${has.join(', ')}` : 'it has none';
  return `${type} has no property ${quote(name)} (${which})`;
}

interface FileInfo {
  index: number;
  type: FileType | undefined;
  deps: string[];
}

/** First declaration of every well-formed id, with its type and well-formed deps. */
function indexFiles(files: readonly unknown[]): Map<string, FileInfo> {
  const byId = new Map<string, FileInfo>();
  files.forEach((raw, index) => {
    const f = record(raw);
    const id = fileId(f?.id);
    if (!f || id === undefined || byId.has(id)) return;
    const deps = list(f.deps).flatMap((d) => fileId(d) ?? []);
    byId.set(id, { index, type: fileType(f.type), deps });
  });
  return byId;
}

function checkDeps(
  at: JsonPath,
  f: Json,
  type: FileType,
  byId: Map<string, FileInfo>,
  out: Problem[],
) {
  const rule = handlerFor(type)?.deps ?? {
    types: [],
    min: 0,
    max: 0,
    text: 'no dependencies',
  };
  const deps = list(f.deps);
  if (deps.length < rule.min || deps.length > rule.max) {
    out.push({ path: [...at, 'deps'], message: `${type} takes ${rule.text} (got ${deps.length})` });
  }
  const seen = new Set<string>();
  deps.forEach((raw, j) => {
    const dep = fileId(raw);
    if (dep === undefined) return;
    const path = [...at, 'deps', j];
    const target = byId.get(dep);
    if (!target) out.push({ path, message: `unknown file ${quote(dep)}` });
    else if (seen.has(dep)) out.push({ path, message: `${quote(dep)} is listed twice` });
    else if (target.type && rule.types !== 'any' && !rule.types.includes(target.type)) {
      out.push({ path, message: `${quote(dep)} is a ${target.type}; ${type} takes ${rule.text}` });
    }
    seen.add(dep);
  });
}

/** Whether `to` reaches `from` along dependencies (so the edge from -> to closes a cycle). */
function reaches(byId: Map<string, FileInfo>, start: string, goal: string): boolean {
  const stack = [start];
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (id === goal) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.deps ?? []));
  }
  return false;
}

/** A cycle through a non-generic file: reported at each dependency edge that closes one. */
function checkCycles(byId: Map<string, FileInfo>, out: Problem[]) {
  for (const [id, info] of byId) {
    info.deps.forEach((dep, j) => {
      const other = byId.get(dep);
      if (!other || !reaches(byId, dep, id)) return;
      const culprit = info.type !== 'generic' ? id : other.type !== 'generic' ? dep : undefined;
      if (culprit === undefined) return;
      out.push({
        path: ['files', info.index, 'deps', j],
        message: `dependency cycle through ${quote(culprit)}, which is not generic (only generic files may form cycles)`,
      });
    });
  }
}

function checkFiles(files: readonly unknown[], byId: Map<string, FileInfo>, out: Problem[]) {
  files.forEach((raw, i) => {
    const f = record(raw);
    if (!f) return;
    const id = fileId(f.id);
    if (id !== undefined && byId.get(id)?.index !== i) {
      out.push({ path: ['files', i, 'id'], message: `duplicate file id ${quote(id)}` });
    }
    const type = fileType(f.type);
    if (!type) return;
    checkDeps(['files', i], f, type, byId, out);
    for (const name of PROP_NAMES) {
      if (Object.hasOwn(f, name) && !propsOf(type).some((p) => p.name === name)) {
        out.push({ path: ['files', i, name], message: noSuchProp(type, name) });
      }
    }
  });
  checkCycles(byId, out);
}

function checkSet(at: JsonPath, s: Json, byId: Map<string, FileInfo>, out: Problem[]) {
  const id = fileId(s.file);
  const type = id === undefined ? undefined : byId.get(id)?.type;
  if (!type || typeof s.prop !== 'string' || !PROP_NAMES.includes(s.prop as PropSpec['name'])) {
    return;
  }
  const spec = propsOf(type).find((p) => p.name === s.prop);
  if (!spec) {
    out.push({ path: [...at, 'prop'], message: noSuchProp(type, s.prop) });
    return;
  }
  if (!Object.hasOwn(s, 'value')) return;
  const ok = propValueSchema(spec.kind).safeParse(s.value);
  if (!ok.success) {
    const want = spec.kind === 'boolean' ? 'true or false' : 'an errno name or null';
    out.push({ path: [...at, 'value'], message: `${spec.name} of ${type} must be ${want}` });
  }
}

function checkSteps(steps: readonly unknown[], byId: Map<string, FileInfo>, out: Problem[]) {
  const named = new Set<string>();
  steps.forEach((raw, i) => {
    const s = record(raw);
    if (!s) return;
    if (typeof s.session === 'string' && !named.has(s.session)) {
      out.push({
        path: ['steps', i, 'session'],
        message: `unknown session handle ${quote(s.session)} (no earlier createSession or retrieveSession names it)`,
      });
    }
    const id = fileId(s.file);
    if (id !== undefined && !byId.has(id)) {
      out.push({ path: ['steps', i, 'file'], message: `unknown file ${quote(id)}` });
    }
    if (s.op === 'set') checkSet(['steps', i], s, byId, out);
    if (s.op === 'createSession' || s.op === 'retrieveSession') {
      const handle = typeof s.as === 'string' ? s.as : s.name;
      if (typeof handle === 'string') named.add(handle);
    }
  });
}

/** Every semantic problem of a document, in no particular order (see `firstProblem`). */
export function semanticProblems(root: unknown): Problem[] {
  const doc = record(root);
  if (!doc) return [];
  const out: Problem[] = [];
  const files = list(doc.files);
  const byId = indexFiles(files);
  checkFiles(files, byId, out);
  checkSteps(list(doc.steps), byId, out);
  return out;
}
