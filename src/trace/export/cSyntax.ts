/**
 * Writing document text into C source safely: string literals (every byte that is not plain
 * printable ASCII as an octal escape, `?` escaped so no trigraph forms), comments (`*` `/`
 * pairs neutralised, printable ASCII only) and identifiers (sanitised, unique, prefixed so
 * they never meet a keyword, a macro of libc or a helper of the program).
 */
import { wrap } from './text';
import { toAscii } from './describe';

/** A C string literal of `text`'s UTF-8 bytes, and the number of bytes (without a NUL). */
export function cString(text: string): { literal: string; bytes: number } {
  const bytes = new TextEncoder().encode(text);
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x3f) out += '\\?';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return { literal: `${out}"`, bytes: bytes.length };
}

/** Text fit for the inside of a C comment: printable ASCII, no comment delimiters. */
export function commentText(text: string): string {
  return toAscii(text)
    .replace(/\*\//g, '* /')
    .replace(/\/\*/g, '/ *')
    .replace(/\?(?=\?)/g, '? ');
}

/**
 * A comment of document text: one line when it fits in 80 columns (a tab counts 8), else a
 * wrapped block comment whose lines start with `indent + " * "`. A paragraph given as a list
 * is written as items without blank lines between them, each continued with a hanging indent.
 */
export function blockComment(indent: string, paragraphs: readonly (string | string[])[]): string[] {
  const columns = (line: string) => line.replace(/\t/g, '        ').length;
  const only = paragraphs.length === 1 ? paragraphs[0] : undefined;
  if (typeof only === 'string') {
    const line = `${indent}/* ${commentText(only)} */`;
    if (columns(line) <= 80) return [line];
  }
  const lines = [`${indent}/*`];
  paragraphs.forEach((p, i) => {
    if (i > 0) lines.push(`${indent} *`);
    const items = typeof p === 'string' ? [p] : p;
    const hang = typeof p === 'string' ? '' : '  ';
    for (const item of items) {
      lines.push(...wrap(commentText(item), `${indent} * `, `${indent} * ${hang}`));
    }
  });
  lines.push(`${indent} */`);
  return lines.map((l) => l.trimEnd());
}

/** A one-line comment (`/* ... *\/`) of document text. */
export function lineComment(text: string): string {
  return `/* ${commentText(text)} */`;
}

/** Hands out C identifiers: `prefix` + the name with every other character as `_`, unique. */
export class Identifiers {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  /** The identifier of `name` (the same name always gets the same identifier). */
  get(name: string): string {
    const known = this.byKey.get(name);
    if (known !== undefined) return known;
    const base = `${this.prefix}${name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 32)}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    this.byKey.set(name, id);
    return id;
  }
}
