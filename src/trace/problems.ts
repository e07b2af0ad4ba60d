/**
 * Every problem of a document, not only the first: what an editor shows next to each field
 * while a person types. The checks are exactly those of `validateTrace` (the zod shape, then
 * the semantic check); only the reporting differs.
 */
import type { Problem } from './problem';
import { position, zodProblems } from './problem';
import { traceSchema } from './schema';
import { semanticProblems } from './semantics';

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/**
 * All problems of a parsed JSON document, in document order (the first is the one
 * `validateTrace` reports), each path+message once.
 */
export function documentProblems(json: unknown): Problem[] {
  const shape = traceSchema.safeParse(json);
  const all = [
    ...(shape.success ? [] : zodProblems(json, shape.error.issues)),
    ...semanticProblems(json),
  ];
  const seen = new Set<string>();
  const unique = all.filter((p) => {
    const key = `${JSON.stringify(p.path)} ${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((p, i) => ({ p, i, pos: position(json, p.path) }))
    .sort((a, b) => compare(a.pos, b.pos) || a.i - b.i)
    .map(({ p }) => p);
}
