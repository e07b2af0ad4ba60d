/**
 * Where a share link may point when it is meant for other people (a mail, a bug report): an
 * http or https address that is not this machine's own. A loopback address (`localhost`,
 * `127.0.0.1`, `[::1]`) opens nothing on a reader's machine, so it is never written for them;
 * without a public address the payload itself is written, to paste into "Open a link or
 * payload" on any luoscope page.
 */
import { encodeLink, shareUrl } from './link';
import type { KernelRun } from './conform/types';
import type { TraceDoc } from './parse';

/** An address accepted as a base for links, or why it is not one. */
export type BaseUrlCheck = { ok: true; url: string } | { ok: false; error: string };

/** Whether a URL names this machine: `localhost`, `*.localhost`, 127.0.0.0/8, `::1`, `0.0.0.0`. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]'
  );
}

/** Checks a base address for links that others open (`--base-url`, LUOSCOPE_BASE_URL). */
export function checkBaseUrl(value: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: `${JSON.stringify(value)} is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `${JSON.stringify(value)} is not an http or https address` };
  }
  if (isLoopback(url)) {
    return {
      ok: false,
      error: `${JSON.stringify(value)} is this machine's own address; a reader cannot open it`,
    };
  }
  url.hash = '';
  return { ok: true, url: url.href };
}

/** The first of `candidates` that `checkBaseUrl` accepts, or `null`. */
export function publicBase(...candidates: readonly (string | null | undefined)[]): string | null {
  for (const c of candidates) {
    if (!c) continue;
    const checked = checkBaseUrl(c);
    if (checked.ok) return checked.url;
  }
  return null;
}

/**
 * What a mail names to open `doc` (with a kernel run, if any): the share URL under `base`, or
 * the bare payload.
 */
export function shareTarget(base: string | null, doc: TraceDoc, run?: KernelRun): string {
  return base === null ? encodeLink(doc, run) : shareUrl(base, doc, run);
}
