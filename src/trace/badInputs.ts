/**
 * A corpus of inputs luoscope must refuse, each with the exact one-line message a person
 * reads: share links (`kind: 'link'`, the payload after `#trace=`, for `decodeLink`) and
 * document texts (`kind: 'document'`, a file to import, for `parseTrace`). The unit tests run
 * every entry; the Playwright suite samples them (open `#trace=<input>`, or load the text as
 * a file) and expects the same message on the page. `HTML_TRACE` is the other side: HTML and
 * script in a title, session names and handles are valid text and must come back as text.
 */
import { deflateSync } from 'fflate';
import { LINK_PREFIX, MAX_LINK_CHARS, encodeLink, toBase64Url } from './link';
import type { TraceDoc } from './parse';
import { validateTrace } from './parse';
import { MAX_FILES, MAX_STEPS, MAX_TRACE_BYTES, TRACE_FORMAT } from './schema';

/** One input and the message it must be refused with. */
export interface BadInput {
  name: string;
  kind: 'link' | 'document';
  input: string;
  error: string;
  /** The message quotes the JavaScript engine's own `JSON.parse` error (V8's wording). */
  engineMessage?: boolean;
}

/** A link payload holding any bytes (not necessarily a document). */
export function linkOfBytes(bytes: Uint8Array, prefix = LINK_PREFIX): string {
  return `${prefix}${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

/** A link payload holding any text (not necessarily a document). */
export function linkOfText(text: string, prefix = LINK_PREFIX): string {
  return linkOfBytes(new TextEncoder().encode(text), prefix);
}

const FILES = [
  { id: 'vm', type: 'kvm-vm' },
  { id: 'gmem', type: 'guest_memfd', deps: ['vm'] },
];
const STEPS = [
  { op: 'createSession', name: 'vmm', as: 'S' },
  { op: 'preserve', session: 'S', file: 'vm', token: 1 },
];
const VALID = { format: TRACE_FORMAT, variant: 'A', files: FILES, steps: STEPS };

/** A small valid document, the base of most bad inputs. */
export function validDoc(): TraceDoc {
  const parsed = validateTrace(VALID);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

/** HTML and script where a document allows free text: valid, shown as text. */
export const HTML_TRACE = {
  format: TRACE_FORMAT,
  title: '<script>alert(1)</script>',
  variant: 'A',
  files: [{ id: 'm1', type: 'memfd' }],
  steps: [
    { op: 'createSession', name: '<img src=x onerror=alert(1)>', as: '<b>S</b>' },
    { op: 'preserve', session: '<b>S</b>', file: 'm1', token: 1, expect: 'ok' },
  ],
};

const doc = (patch: Record<string, unknown>) => JSON.stringify({ ...VALID, ...patch });
const VALID_LINK = encodeLink(validDoc());
const DATA = VALID_LINK.slice(LINK_PREFIX.length);
/** A valid link cut to a length that still decodes as base64url (a multiple of 4 chars). */
const CUT = LINK_PREFIX + DATA.slice(0, Math.floor(DATA.length / 8) * 4);
const NOT_ID = 'is not a file id: must match [a-z][a-z0-9_-]{0,31}';
const HANDLE_NOTE = '(no earlier createSession or retrieveSession names it)';
const TOO_LARGE = `link is too large: the trace inside is over ${MAX_TRACE_BYTES} bytes (16 MiB, MAX_TRACE_BYTES) decompressed`;
const OPS =
  '"createSession", "preserve", "closeSession", "kexec", "retrieveSession", "retrieve", "finish", "set", "freezeSession", "getSessionName", "openDevice", "closeDevice"';

const LINKS: BadInput[] = [
  { name: 'empty link', kind: 'link', input: '', error: 'link is empty: no trace in it' },
  { name: 'blank link', kind: 'link', input: ' \n\t', error: 'link is empty: no trace in it' },
  {
    name: 'no version prefix',
    kind: 'link',
    input: DATA,
    error: 'link has no version prefix: it must start with "1."',
  },
  {
    name: 'link version 2',
    kind: 'link',
    input: `2.${DATA}`,
    error: 'made by a newer luoscope: link version 2 (this luoscope reads version 1)',
  },
  {
    name: 'link version 10',
    kind: 'link',
    input: `10.${DATA}`,
    error: 'made by a newer luoscope: link version 10 (this luoscope reads version 1)',
  },
  {
    name: 'link version 0',
    kind: 'link',
    input: `0.${DATA}`,
    error: 'unknown link version 0 (this luoscope reads version 1)',
  },
  {
    name: 'link version 01',
    kind: 'link',
    input: `01.${DATA}`,
    error: 'unknown link version 01 (this luoscope reads version 1)',
  },
  {
    name: 'version prefix only',
    kind: 'link',
    input: LINK_PREFIX,
    error: 'link is truncated: no compressed data after the version prefix',
  },
  {
    name: 'truncated link',
    kind: 'link',
    input: CUT,
    error: 'link is truncated or corrupt: the compressed trace ends early',
  },
  {
    name: 'truncated inside a byte',
    kind: 'link',
    input: `${CUT}A`,
    error: `link is truncated: its ${CUT.length - 1} base64url characters end inside a byte`,
  },
  {
    name: 'standard base64 (+)',
    kind: 'link',
    input: `1.ab+c${DATA}`,
    error: 'link is not base64url: "+" at character 5',
  },
  {
    name: 'base64 padding',
    kind: 'link',
    input: `${VALID_LINK}==`,
    error: `link is not base64url: "=" at character ${VALID_LINK.length + 1}`,
  },
  {
    name: 'HTML in a link',
    kind: 'link',
    input: '1.<script>alert(1)</script>',
    error: 'link is not base64url: "<" at character 3',
  },
  {
    name: 'non-ASCII in a link',
    kind: 'link',
    input: `1.caf\u00e9${DATA}`,
    error: 'link is not base64url: "\u00e9" at character 6',
  },
  {
    name: 'corrupt: invalid block type',
    kind: 'link',
    input: `1.${toBase64Url(new Uint8Array([38]))}`,
    error: 'link is corrupt: the compressed trace is not DEFLATE data (invalid block type)',
  },
  {
    name: 'corrupt: invalid distance',
    kind: 'link',
    input: `1.${toBase64Url(new Uint8Array([2, 2]))}`,
    error: 'link is corrupt: the compressed trace is not DEFLATE data (invalid distance)',
  },
  {
    name: 'decompression bomb (2 MiB of zeros)',
    kind: 'link',
    input: linkOfBytes(new Uint8Array(2 * MAX_TRACE_BYTES)),
    error: TOO_LARGE,
  },
  {
    name: 'oversized document in a link (title of 16 MiB)',
    kind: 'link',
    input: linkOfText(doc({ title: 'x'.repeat(MAX_TRACE_BYTES) })),
    error: TOO_LARGE,
  },
  {
    name: 'link too long',
    kind: 'link',
    input: `1.${'A'.repeat(MAX_LINK_CHARS)}`,
    error: `link is too long: ${MAX_LINK_CHARS + 2} characters; at most ${MAX_LINK_CHARS} are accepted`,
  },
  {
    name: 'not UTF-8 inside',
    kind: 'link',
    input: linkOfBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
    error: 'link is corrupt: the trace inside is not UTF-8 text',
  },
  {
    name: 'empty text inside',
    kind: 'link',
    input: linkOfText(''),
    error: 'trace in link: (root): not JSON: Unexpected end of JSON input',
    engineMessage: true,
  },
  {
    name: 'invalid JSON inside',
    kind: 'link',
    input: linkOfText('{"format": "luoscope/trace@1",'),
    error:
      'trace in link: (root): not JSON: Expected double-quoted property name in JSON at position 30 (line 1, column 31)',
    engineMessage: true,
  },
  {
    name: 'a JSON array inside',
    kind: 'link',
    input: linkOfText('[]'),
    error: 'trace in link: (root): must be an object (a luoscope trace document), not an array',
  },
  {
    name: 'another format inside',
    kind: 'link',
    input: linkOfText(doc({ format: 'luoscope/trace@2' })),
    error: 'trace in link: format: must be "luoscope/trace@1" (got "luoscope/trace@2")',
  },
  {
    name: 'script as a file id inside a link',
    kind: 'link',
    input: linkOfText(doc({ files: [{ id: '<script>alert(1)</script>', type: 'memfd' }] })),
    error: `trace in link: files[0].id: "<script>alert(1)</script>" ${NOT_ID}`,
  },
];

const DOCUMENTS: BadInput[] = [
  {
    name: 'invalid JSON',
    kind: 'document',
    input: '{"format": "luoscope/trace@1",',
    error:
      '(root): not JSON: Expected double-quoted property name in JSON at position 30 (line 1, column 31)',
    engineMessage: true,
  },
  {
    name: 'format missing',
    kind: 'document',
    input: JSON.stringify({ variant: 'A', files: [], steps: [] }),
    error: 'format: must be "luoscope/trace@1" (it is missing)',
  },
  {
    name: 'script as a file id',
    kind: 'document',
    input: doc({ files: [{ id: '<script>alert(1)</script>', type: 'memfd' }] }),
    error: `files[0].id: "<script>alert(1)</script>" ${NOT_ID}`,
  },
  {
    name: 'HTML as a dependency',
    kind: 'document',
    input: doc({ files: [FILES[0], { ...FILES[1], deps: ['<img src=x onerror=alert(1)>'] }] }),
    error: `files[1].deps[0]: "<img src=x onerror=alert(1)>" ${NOT_ID}`,
  },
  {
    name: 'HTML as the file of a step',
    kind: 'document',
    input: doc({ steps: [STEPS[0], { ...STEPS[1], file: '<b>vm</b>' }] }),
    error: `steps[1].file: "<b>vm</b>" ${NOT_ID}`,
  },
  {
    name: 'HTML as a session handle never opened',
    kind: 'document',
    input: doc({ steps: [STEPS[0], { ...STEPS[1], session: '<i>S</i>' }] }),
    error: `steps[1].session: unknown session handle "<i>S</i>" ${HANDLE_NOTE}`,
  },
  {
    name: 'script as the variant',
    kind: 'document',
    input: doc({ variant: '<script>' }),
    error: 'variant: must be one of "A", "B", "C", "D"',
  },
  {
    name: 'script as an op',
    kind: 'document',
    input: doc({ steps: [{ op: '<script>alert(1)</script>' }] }),
    error: `steps[0].op: must be one of ${OPS}`,
  },
  {
    name: 'oversized document (16 MiB + 1 byte)',
    kind: 'document',
    input: ' '.repeat(MAX_TRACE_BYTES + 1),
    error: `(root): document is ${MAX_TRACE_BYTES + 1} bytes; at most ${MAX_TRACE_BYTES} (16 MiB, MAX_TRACE_BYTES) are accepted`,
  },
  {
    name: 'too many files',
    kind: 'document',
    input: doc({
      files: Array.from({ length: MAX_FILES + 1 }, (_, i) => ({ id: `m${i}`, type: 'memfd' })),
      steps: [],
    }),
    error: `files: a document may declare at most ${MAX_FILES} files (MAX_FILES)`,
  },
  {
    name: 'too many steps',
    kind: 'document',
    input: doc({ steps: Array.from({ length: MAX_STEPS + 1 }, () => ({ op: 'kexec' })) }),
    error: `steps: a document may hold at most ${MAX_STEPS} steps (MAX_STEPS)`,
  },
  {
    name: 'token not an integer',
    kind: 'document',
    input: doc({ steps: [STEPS[0], { ...STEPS[1], token: 1.5 }] }),
    error: 'steps[1].token: must be an integer',
  },
  {
    name: 'token of 2^53',
    kind: 'document',
    input: doc({ steps: [STEPS[0], { ...STEPS[1], token: 2 ** 53 }] }),
    error: 'steps[1].token: must be less than 2^53',
  },
  {
    name: 'negative token',
    kind: 'document',
    input: doc({ steps: [STEPS[0], { ...STEPS[1], token: -1 }] }),
    error: 'steps[1].token: must not be negative',
  },
  {
    name: 'errno with a minus sign',
    kind: 'document',
    input: doc({ steps: [{ op: 'kexec', expect: '-EBUSY' }] }),
    error: 'steps[0].expect: must be written without the minus sign: "EBUSY"',
  },
  {
    name: 'duplicate file id',
    kind: 'document',
    input: doc({ files: [FILES[0], { id: 'vm', type: 'memfd' }], steps: [] }),
    error: 'files[1].id: duplicate file id "vm"',
  },
  {
    name: 'guest_memfd without its VM',
    kind: 'document',
    input: doc({ files: [{ id: 'gmem', type: 'guest_memfd' }], steps: [] }),
    error: 'files[0].deps: guest_memfd takes exactly one kvm-vm (got 0)',
  },
  {
    name: 'property of another type',
    kind: 'document',
    input: doc({ steps: [{ op: 'set', file: 'vm', prop: 'sealed', value: true }] }),
    error: 'steps[0].prop: kvm-vm has no property "sealed" (it has none)',
  },
  {
    name: 'unknown field',
    kind: 'document',
    input: doc({ author: '<script>alert(1)</script>' }),
    error: 'author: unknown field',
  },
];

/** Every bad input: links first, then documents. */
export const BAD_INPUTS: readonly BadInput[] = [...LINKS, ...DOCUMENTS];
