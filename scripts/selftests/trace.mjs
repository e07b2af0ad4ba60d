/**
 * A small builder for the trace documents of vectors/selftests/: files, steps and their
 * `expect`s as the kernel selftests state them, written in the canonical form of
 * `serializeTrace` (fields in the order of the trace format, one file or step per line).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const FILE_ID = /^[a-z][a-z0-9_-]{0,31}$/;

/** One line of JSON with a space after `,` `:` and inside braces. */
function inline(value) {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** A step with its fields in canonical order (`as` only when it differs from `name`). */
function stepJson(s) {
  const out = { op: s.op };
  const put = (...keys) => keys.forEach((k) => s[k] !== undefined && (out[k] = s[k]));
  if (s.op === 'createSession' || s.op === 'retrieveSession') {
    out.name = s.name;
    if (s.as !== undefined && s.as !== s.name) out.as = s.as;
  } else put('session', 'file', 'token', 'reserved', 'prop', 'value');
  if (s.expect !== undefined) out.expect = s.expect;
  return out;
}

/** Checks what can be checked without the parser: ids, tokens, handles used after opening. */
function check(doc) {
  const ids = new Set();
  for (const f of doc.files) {
    if (!FILE_ID.test(f.id)) throw new Error(`${doc.title}: bad file id ${f.id}`);
    if (ids.has(f.id)) throw new Error(`${doc.title}: duplicate file id ${f.id}`);
    ids.add(f.id);
  }
  for (const f of doc.files) for (const d of f.deps ?? []) if (!ids.has(d)) throw new Error(d);
  const handles = new Set();
  doc.steps.forEach((s, i) => {
    const where = `${doc.title} steps[${i}]`;
    if (s.expect === undefined) throw new Error(`${where}: no expect`);
    if (s.token !== undefined && !(Number.isSafeInteger(s.token) && s.token >= 0)) {
      throw new Error(`${where}: token`);
    }
    if (s.file !== undefined && !ids.has(s.file)) throw new Error(`${where}: file ${s.file}`);
    if (s.session !== undefined && !handles.has(s.session)) {
      throw new Error(`${where}: handle ${s.session} used before it is opened`);
    }
    if (s.op === 'createSession' || s.op === 'retrieveSession') handles.add(s.as ?? s.name);
  });
}

/** The canonical JSON text of a document, ending with a newline. */
export function serialize(doc) {
  check(doc);
  const json = { format: 'luoscope/trace@1', title: doc.title, kernel: doc.kernel };
  json.variant = doc.variant;
  if (doc.switches) json.switches = doc.switches;
  json.files = doc.files;
  json.steps = doc.steps.map(stepJson);
  const lines = Object.entries(json).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (!Array.isArray(value)) return `  ${name}: ${inline(value)}`;
    if (value.length === 0) return `  ${name}: []`;
    return `  ${name}: [\n${value.map((v) => `    ${inline(v)}`).join(',\n')}\n  ]`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Writes `doc` to `path` (relative to the repository root) and returns the path. */
export function write(root, path, doc) {
  const full = `${root}/${path}`;
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, serialize(doc));
  return path;
}

/** Step constructors; `e` is the expected result ("ok" or an errno name). */
export const op = {
  create: (name, as, e = 'ok') => ({ op: 'createSession', name, as, expect: e }),
  retrieveSession: (name, as, e = 'ok') => ({ op: 'retrieveSession', name, as, expect: e }),
  preserve: (session, file, token, e = 'ok') => ({
    op: 'preserve',
    session,
    file,
    token,
    expect: e,
  }),
  retrieve: (session, token, e = 'ok') => ({ op: 'retrieve', session, token, expect: e }),
  finish: (session, e = 'ok') => ({ op: 'finish', session, expect: e }),
  close: (session, e = 'ok') => ({ op: 'closeSession', session, expect: e }),
  freeze: (session, e = 'ok') => ({ op: 'freezeSession', session, expect: e }),
  getName: (session, e = 'ok') => ({ op: 'getSessionName', session, expect: e }),
  openDevice: (e = 'ok') => ({ op: 'openDevice', expect: e }),
  closeDevice: (e = 'ok') => ({ op: 'closeDevice', expect: e }),
  kexec: (e = 'ok') => ({ op: 'kexec', expect: e }),
  set: (file, prop, value, e = 'ok') => ({ op: 'set', file, prop, value, expect: e }),
};

/** `n` memfds with ids `${prefix}0` … */
export const memfds = (prefix, n) => Array.from({ length: n }, (_, i) => memfd(`${prefix}${i}`));

/** A plain memfd (memfd_create(name, 0): no seals, not hugetlb). */
export const memfd = (id) => ({ id, type: 'memfd' });

/**
 * A title: `<repo> <path> @<commit> TEST(<name>)`, then what the trace does differently,
 * which steps' expects the test does not assert itself, and what it does that no op expresses.
 */
export function title(header, { note, inferred = [], notExpressed = [] }) {
  const parts = [note, `Expect inferred: ${inferred.join('; ') || 'none, every step is asserted'}`];
  if (notExpressed.length) parts.push(`Not expressed: ${notExpressed.join('; ')}`);
  return `${header}: ${parts.filter(Boolean).join('. ')}.`;
}
