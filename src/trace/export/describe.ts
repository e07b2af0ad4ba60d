/**
 * What the exports share: a step written as a kernel developer writes the syscall
 * (`PRESERVE_FD(S, gmem, token=2)`), a result as an errno (`0`, `-ENOENT`), a one-line
 * summary of each variant, switch values, and document text made printable ASCII.
 */
import type { FileSpec, PropValue, Result, Switches, Variant } from '../../engine';
import { handlerFor } from '../../engine';
import type { TraceStep } from '../parse';

/** What each variant is, in one line (SEMANTICS §4.2-4.5). */
export const VARIANT_SUMMARY: Readonly<Record<Variant, string>> = {
  A: 'the seed patch: dependency looked up at preserve, implicit retrieval',
  B: "Pratyush's strict restore order: a dependency must be retrieved first",
  C: 'lookup deferred to freeze (guest_memfd RFC v2-v4), implicit retrieval',
  D: "Pasha's can_finish guard: FINISH refused until the VM fd is retrieved",
};

const SIMPLE: Readonly<Record<string, string>> = {
  '\u00a0': ' ',
  '\u00a7': 'S',
  '\u00ab': '<<',
  '\u00bb': '>>',
  '\u00d7': 'x',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '--',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u2260': '!=',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2713': 'ok',
  '\u2717': 'x',
};

const CONTROL: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * Text as printable ASCII: typographic punctuation transliterated (`\u2014` -> `--`), accents
 * dropped (`\u00e9` -> `e`), every other character escaped (`\n`, `\u001b`, `\u{1f680}`).
 * The same input always gives the same output.
 */
export function toAscii(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) {
      out += ch;
      continue;
    }
    const simple = SIMPLE[ch] ?? CONTROL[ch];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (code >= 0xa0 && base !== '' && /^[\x20-\x7e]+$/.test(base)) out += base;
    else if (code > 0xffff) out += `\\u{${hex(code, 4)}}`;
    else out += `\\u${hex(code, 4)}`;
  }
  return out;
}

/** A string as a quoted ASCII literal: `"vmm"`, `"a \"b\""`. */
export function quoted(text: string): string {
  return `"${toAscii(text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}

/** A session handle: bare when it is a plain word (`S1`), else quoted. */
export function handleText(handle: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(handle) ? handle : quoted(handle);
}

/** A result as a syscall returns it: `0` or `-ENOENT`. */
export function errnoText(result: Result): string {
  if (result === 'hang' || result === 'not reached') return result;
  return result === 'ok' ? '0' : `-${result}`;
}

/** A `set` step as the userspace action it models. */
function setText(file: string, prop: string, value: PropValue): string {
  switch (`${prop}=${String(value)}`) {
    case 'sealed=true':
      return `fcntl(${file}, F_ADD_SEALS, F_SEAL_GROW|F_SEAL_SHRINK|F_SEAL_SEAL)`;
    case 'running=false':
      return `stop ${file} (leave KVM_RUN)`;
    case 'running=true':
      return `KVM_RUN(${file})`;
    case 'irqsEnabled=false':
      return `VFIO_DEVICE_SET_IRQS(${file}, disable)`;
    case 'irqsEnabled=true':
      return `VFIO_DEVICE_SET_IRQS(${file}, enable)`;
    case 'bound=true':
      return `VFIO_DEVICE_BIND_IOMMUFD(${file})`;
    default:
      return `set ${file}.${prop} = ${value === null ? 'null' : String(value)}`;
  }
}

/** The step as the syscall a VMM makes: `PRESERVE_FD(S, gmem, token=2)`, `reboot(KEXEC)`. */
export function ioctlText(s: TraceStep): string {
  switch (s.op) {
    case 'createSession':
      return `CREATE_SESSION(${quoted(s.name)}) -> ${handleText(s.as)}`;
    case 'retrieveSession':
      return `RETRIEVE_SESSION(${quoted(s.name)}) -> ${handleText(s.as)}`;
    case 'preserve':
      return `PRESERVE_FD(${handleText(s.session)}, ${s.file}, token=${s.token})`;
    case 'retrieve':
      return `RETRIEVE_FD(${handleText(s.session)}, token=${s.token})`;
    case 'finish':
      return s.reserved === 0
        ? `FINISH(${handleText(s.session)})`
        : `FINISH(${handleText(s.session)}, reserved=${s.reserved})`;
    case 'closeSession':
      return `close(${handleText(s.session)})`;
    case 'kexec':
      return 'reboot(KEXEC)';
    case 'set':
      return setText(s.file, s.prop, s.value);
    case 'freezeSession':
      return s.reserved === 0
        ? `FREEZE(${handleText(s.session)})`
        : `FREEZE(${handleText(s.session)}, reserved=${s.reserved})`;
    case 'getSessionName':
      return `GET_NAME(${handleText(s.session)})`;
    case 'openDevice':
      return 'open("/dev/liveupdate")';
    case 'closeDevice':
      return 'close(/dev/liveupdate)';
  }
}

/** A switch value as written in the exports: `on`/`off` for booleans. */
export function switchValueText(name: keyof Switches, value: Switches[keyof Switches]): string {
  if (name === 'stickyRetrieveErrors') return String(value);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** The properties a file sets away from its type's defaults, as `name=value` (or `name`). */
export function nonDefaultProps(file: FileSpec): string[] {
  const out: string[] = [];
  for (const spec of handlerFor(file.type)?.props ?? []) {
    const value = file[spec.name];
    if (value === undefined || value === spec.default) continue;
    out.push(value === true ? spec.name : `${spec.name}=${value === null ? 'null' : value}`);
  }
  return out;
}
