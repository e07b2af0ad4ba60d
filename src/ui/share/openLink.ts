/**
 * What "Open a link or payload" reads: a whole share link (`https://…/#trace=1.…`), a fragment
 * (`#trace=1.…`) or the bare payload a mail carries (`1.…`), line breaks a mail client put in
 * ignored.
 */
import { decodeLink, linkPayload } from '../../trace/link';
import type { LinkResult } from '../../trace/link';

/** The payload inside what was pasted: after `trace=` when there is one, else all of it. */
export function pastedPayload(text: string): string {
  const value = text.trim();
  const hash = value.indexOf('#');
  if (hash >= 0) return linkPayload(value.slice(hash)) ?? '';
  if (value.startsWith('trace=')) return linkPayload(value) ?? '';
  return value;
}

/** The document in a pasted link or payload, or the one-line reason it cannot be opened. */
export function openPasted(text: string): LinkResult {
  if (text.trim() === '') return { ok: false, error: 'nothing was pasted' };
  const payload = pastedPayload(text);
  if (payload === '') return { ok: false, error: 'the link has no trace in it (no #trace=)' };
  return decodeLink(payload);
}
