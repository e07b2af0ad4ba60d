/**
 * `luoscope trees`: the kernel trees a document may name in `kernel`, each with its date,
 * the file types that have a handler in it, its switch defaults and the rules it adds with
 * their sources.
 */
import { TREES } from '../engine';

/** The trees for a terminal. */
export function treesText(): string {
  const out: string[] = [];
  for (const t of TREES) {
    out.push(`${t.id}  ${t.title} (${t.date})`);
    out.push(`  ${t.summary}`);
    out.push(`  handlers: ${t.handlers.join(', ')}`);
    const defaults = Object.entries(t.defaults).map(([k, v]) => `${k}=${String(v)}`);
    out.push(`  switch defaults: ${defaults.join(', ')}`);
    for (const r of t.rules) out.push(`  - ${r.text}`, `      source: ${r.source}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

/** The trees as JSON (`luoscope/trees@1`). */
export function treesJson(): string {
  return `${JSON.stringify({ format: 'luoscope/trees@1', trees: TREES }, null, 2)}\n`;
}
