/**
 * Share links: a whole `luoscope/trace@1` document in the URL fragment, `#trace=<payload>`.
 *
 * The payload is `1.` (the link format's version) followed by the document's canonical JSON,
 * written compactly, compressed with raw DEFLATE (fflate, level 9) and encoded as base64url
 * without padding (RFC 4648 §5): only `A-Z a-z 0-9 - _ .`, which no mail client, chat or URL
 * parser rewrites. The fragment is never sent to a server (RFC 3986 §3.5): a trace stays on the
 * machines of the people who pass it on, no server log keeps it, no server limits its length,
 * and the page works from any static host.
 *
 * Decoding refuses a link with one line that says what is wrong with it (empty, a version
 * this luoscope does not read, not base64url, corrupt or truncated, too large once
 * decompressed, not UTF-8), or `trace in link: <parseTrace's message>` for a document that is
 * not valid. The inflate is guarded: it stops as soon as the output passes `MAX_TRACE_BYTES`,
 * so a decompression bomb costs at most a few MiB of memory.
 */
import { Inflate, deflateSync } from 'fflate';
import type { ParseResult, TraceDoc } from './parse';
import { parseTrace } from './parse';
import { MAX_TRACE_BYTES } from './schema';
import { traceJson } from './serialize';
import { runFromJson, runJson } from './conform/runJson';
import type { KernelRun } from './conform/types';

/** The version of the link format this luoscope writes and reads. */
export const LINK_VERSION = 1;
/** What every payload this luoscope writes starts with. */
export const LINK_PREFIX = `${LINK_VERSION}.`;
/** The name of the URL fragment parameter that holds the payload. */
export const LINK_PARAM = 'trace';
/**
 * Longest payload accepted, in characters: room for the largest document (16 MiB) stored
 * without compression, in base64url. A longer payload is refused before it is decoded.
 */
export const MAX_LINK_CHARS = LINK_PREFIX.length + Math.ceil(((MAX_TRACE_BYTES + 1024) * 4) / 3);

/**
 * A link decoded to a valid document (and the kernel run it carries, if any), or refused with
 * a one-line message.
 */
export type LinkResult =
  (ParseResult & { ok: true; run?: KernelRun }) | (ParseResult & { ok: false });

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Input bytes per inflate push: each push can produce at most ~1 MiB (DEFLATE's 1032:1). */
const INFLATE_CHUNK = 1024;

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]!;
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += ALPHABET[c & 63]!;
  }
  return out;
}

type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

/** base64url (no padding) to bytes; `offset` is where `text` starts in the payload. */
function fromBase64Url(text: string, offset: number): Decoded<Uint8Array> {
  let position = offset;
  for (const c of text) {
    position += 1;
    if (!VALUE.has(c)) {
      return {
        ok: false,
        error: `link is not base64url: ${JSON.stringify(c)} at character ${position}`,
      };
    }
  }
  if (text.length % 4 === 1) {
    return {
      ok: false,
      error: `link is truncated: its ${text.length} base64url characters end inside a byte`,
    };
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (const c of text) {
    bits = (bits << 6) | VALUE.get(c)!;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
    bits &= (1 << count) - 1;
  }
  return { ok: true, value: out };
}

/** Raw DEFLATE with an output limit: stops (and refuses) once more than `limit` bytes come out. */
function inflateAtMost(data: Uint8Array, limit: number): Decoded<Uint8Array> {
  if (data.length === 0) {
    return { ok: false, error: 'link is truncated: no compressed data after the version prefix' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && total <= limit; at += INFLATE_CHUNK) {
      const end = Math.min(at + INFLATE_CHUNK, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 0) {
      return { ok: false, error: 'link is truncated or corrupt: the compressed trace ends early' };
    }
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `link is corrupt: the compressed trace is not DEFLATE data (${why})`,
    };
  }
  if (total > limit) {
    return {
      ok: false,
      error: `link is too large: the trace inside is over ${limit} bytes (16 MiB, MAX_TRACE_BYTES) decompressed`,
    };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, value: out };
}

const packed = (value: unknown) =>
  toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(value)), { level: 9 }));

/**
 * The payload of a share link for a document (no `#trace=`; see `shareUrl`). A kernel run
 * (`luoscope/run@1` JSON, compressed the same way) follows as an optional third part after a
 * second `.`; a link without one is byte for byte what this function always wrote.
 */
export function encodeLink(doc: TraceDoc, run?: KernelRun): string {
  const trace = `${LINK_PREFIX}${packed(traceJson(doc))}`;
  return run ? `${trace}.${packed(runJson(run))}` : trace;
}

/** The kernel run part of a link, checked against the linked document. */
function decodeRun(text: string, offset: number, doc: TraceDoc): LinkResult {
  const refused = (why: string): LinkResult => ({ ok: false, error: `kernel run in link: ${why}` });
  const bytes = fromBase64Url(text, offset);
  if (!bytes.ok) return refused(bytes.error);
  const inflated = inflateAtMost(bytes.value, MAX_TRACE_BYTES);
  if (!inflated.ok) return refused(inflated.error);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.value));
  } catch {
    return refused('not JSON text');
  }
  const run = runFromJson(json, doc);
  return run.ok ? { ok: true, doc, run: run.value } : refused(run.error);
}

/**
 * The document in a share link's payload, or a one-line message saying what is wrong with
 * the link. ASCII whitespace (a line break a mail client inserted) is ignored.
 */
export function decodeLink(payload: string): LinkResult {
  const text = payload.replace(/[ \t\r\n\f]+/g, '');
  if (text === '') return { ok: false, error: `link is empty: no trace in it` };
  if (text.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      error: `link is too long: ${text.length} characters; at most ${MAX_LINK_CHARS} are accepted`,
    };
  }
  const version = /^(\d{1,12})\./.exec(text);
  if (!version) {
    return { ok: false, error: `link has no version prefix: it must start with "${LINK_PREFIX}"` };
  }
  const raw = version[1]!;
  if (raw !== String(LINK_VERSION)) {
    const n = Number(raw);
    const newer = n > LINK_VERSION && String(n) === raw;
    return {
      ok: false,
      error: newer
        ? `made by a newer luoscope: link version ${raw} (this luoscope reads version ${LINK_VERSION})`
        : `unknown link version ${raw} (this luoscope reads version ${LINK_VERSION})`,
    };
  }
  const body = text.slice(version[0].length);
  const dot = body.indexOf('.');
  const bytes = fromBase64Url(dot < 0 ? body : body.slice(0, dot), version[0].length);
  if (!bytes.ok) return bytes;
  const inflated = inflateAtMost(bytes.value, MAX_TRACE_BYTES);
  if (!inflated.ok) return inflated;
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return { ok: false, error: 'link is corrupt: the trace inside is not UTF-8 text' };
  }
  const parsed = parseTrace(json);
  if (!parsed.ok) return { ok: false, error: `trace in link: ${parsed.error}` };
  if (dot < 0) return parsed;
  return decodeRun(body.slice(dot + 1), version[0].length + dot + 1, parsed.doc);
}

/**
 * A URL that opens the document: `base` without its fragment, then `#trace=<payload>`.
 * Pass the page's address (origin and path, e.g. `location.origin + location.pathname`).
 */
export function shareUrl(base: string, doc: TraceDoc, run?: KernelRun): string {
  const hash = base.indexOf('#');
  const page = hash < 0 ? base : base.slice(0, hash);
  return `${page}#${LINK_PARAM}=${encodeLink(doc, run)}`;
}

/**
 * The payload of `trace=` in a URL fragment (`#trace=1.xyz`, or `trace=` among other
 * `&`-separated parameters), percent-escapes undone; `null` when the fragment has none.
 */
export function linkPayload(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of fragment.split('&')) {
    if (!part.startsWith(`${LINK_PARAM}=`)) continue;
    const value = part.slice(LINK_PARAM.length + 1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The document a URL fragment links to: `null` without `trace=`, else `decodeLink`'s answer. */
export function traceFromHash(hash: string): LinkResult | null {
  const payload = linkPayload(hash);
  return payload === null ? null : decodeLink(payload);
}
