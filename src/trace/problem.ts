/**
 * A problem in a trace document: a JSON path and a sentence. Problems from the shape check and
 * from the semantic check are ordered by where they sit in the document, so the message a
 * person reads is always about the first thing that is wrong.
 */
import type * as z from 'zod/mini';

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** One thing wrong with a document. */
export interface Problem {
  path: JsonPath;
  message: string;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `steps[3].token`, `files[1].deps[0]`, `(root)` for the empty path. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENT.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** The one-line message of a problem: `<json path>: <problem>`. */
export function formatProblem(problem: Problem): string {
  return `${formatPath(problem.path)}: ${problem.message}`.replace(/\s*[\r\n]+\s*/g, ' ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the path ends at a key its object does not have. */
export function isMissing(root: unknown, path: JsonPath): boolean {
  let value = root;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isRecord(value) && typeof part === 'string' && Object.hasOwn(value, part)) {
      value = value[part];
    } else return true;
  }
  return false;
}

/**
 * Where a path sits in the document, as a sortable list of numbers: the index of each key in
 * its object (the order `JSON.parse` kept) or of each element in its array. A key the object
 * lacks sorts after every key it has: a missing field is noticed at the object's end.
 */
export function position(root: unknown, path: JsonPath): number[] {
  const out: number[] = [];
  let value = root;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') {
      out.push(part);
      value = value[part];
    } else if (isRecord(value)) {
      const keys = Object.keys(value);
      const index = keys.indexOf(String(part));
      if (index < 0) {
        out.push(keys.length);
        break;
      }
      out.push(index);
      value = value[String(part)];
    } else break;
  }
  return out;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** The problem that comes first in the document (ties: the earlier in the list). */
export function firstProblem(root: unknown, problems: readonly Problem[]): Problem | undefined {
  let best: { problem: Problem; pos: number[] } | undefined;
  for (const problem of problems) {
    const pos = position(root, problem.path);
    if (!best || compare(pos, best.pos) < 0) best = { problem, pos };
  }
  return best?.problem;
}

/** zod's issues as problems: a missing field is "is required", an unknown one "unknown field". */
export function zodProblems(root: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: 'unknown field' });
    } else if (path.length > 0 && isMissing(root, path)) {
      out.push({ path, message: 'is required' });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}
