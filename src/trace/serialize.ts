/**
 * Writing a trace back as its canonical JSON text: fields in the order of TRACE-FORMAT.md,
 * defaults omitted (`deps: []`, `boot: 0`, `as` equal to `name`, `reserved: 0`, no switch
 * overrides), one file or step per line. `parseTrace(serializeTrace(doc))` gives `doc` back.
 */
import { ALL_SWITCH_NAMES } from '../engine';
import type { TraceDoc, TraceStep } from './parse';
import { PROP_NAMES, TRACE_FORMAT } from './schema';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One line of JSON with a space after `,` `:` and inside braces, as in TRACE-FORMAT.md. */
function inline(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** A step as the trace format writes it (defaults omitted). */
export function stepJson(s: TraceStep): Record<string, Json> {
  const out: Record<string, Json> = { op: s.op };
  switch (s.op) {
    case 'createSession':
    case 'retrieveSession':
      out.name = s.name;
      if (s.as !== s.name) out.as = s.as;
      break;
    case 'preserve':
      Object.assign(out, { session: s.session, file: s.file, token: s.token });
      break;
    case 'retrieve':
      Object.assign(out, { session: s.session, token: s.token });
      break;
    case 'finish':
      out.session = s.session;
      if (s.reserved !== 0) out.reserved = s.reserved;
      break;
    case 'closeSession':
      out.session = s.session;
      break;
    case 'kexec':
    case 'openDevice':
    case 'closeDevice':
      break;
    case 'freezeSession':
      out.session = s.session;
      if (s.reserved !== 0) out.reserved = s.reserved;
      break;
    case 'getSessionName':
      out.session = s.session;
      break;
    case 'set':
      Object.assign(out, { file: s.file, prop: s.prop, value: s.value });
      break;
  }
  if (s.expect !== undefined) out.expect = s.expect;
  return out;
}

/** The canonical JSON value of a document (what `serializeTrace` prints). */
export function traceJson(doc: TraceDoc): Record<string, Json> {
  const out: Record<string, Json> = { format: TRACE_FORMAT };
  if (doc.title !== undefined) out.title = doc.title;
  if (doc.kernel !== undefined) out.kernel = doc.kernel;
  out.variant = doc.variant;
  const switches: Record<string, Json> = {};
  for (const name of ALL_SWITCH_NAMES) {
    const value = doc.switches[name];
    if (value !== undefined) switches[name] = value;
  }
  if (Object.keys(switches).length) out.switches = switches;
  out.files = doc.files.map((f) => {
    const file: Record<string, Json> = { id: f.id, type: f.type };
    if (f.deps.length) file.deps = [...f.deps];
    for (const name of PROP_NAMES) {
      const value = f[name];
      if (value !== undefined) file[name] = value;
    }
    if (f.boot !== 0) file.boot = f.boot;
    return file;
  });
  out.steps = doc.steps.map(stepJson);
  return out;
}

/** The canonical JSON text of a document, ending with a newline. */
export function serializeTrace(doc: TraceDoc): string {
  const json = traceJson(doc);
  const lines = Object.entries(json).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (!Array.isArray(value)) return `  ${name}: ${inline(value)}`;
    if (value.length === 0) return `  ${name}: []`;
    return `  ${name}: [\n${value.map((v) => `    ${inline(v)}`).join(',\n')}\n  ]`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
