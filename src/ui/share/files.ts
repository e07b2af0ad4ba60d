/** Files in and out of the page: save a text as a download, read a trace file, the clipboard. */
import { parseJson, tooLargeMessage, validateTrace } from '../../trace/parse';
import type { ParseResult } from '../../trace/parse';
import { MAX_TRACE_BYTES } from '../../trace/schema';

/** Offers `text` as a download named `name`. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started by the next task; the object URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A trace file read and validated; an oversized file is refused before it is read. */
export async function readTraceFile(file: File): Promise<ParseResult> {
  if (file.size > MAX_TRACE_BYTES) return { ok: false, error: tooLargeMessage(file.size) };
  try {
    // JSON.parse, then the validation in a task of its own: a 5 MB trace is two tasks of
    // under 200 ms each, not one longer one.
    const json = parseJson(await file.text());
    if (!json.ok) return json;
    await new Promise((resolve) => setTimeout(resolve, 0));
    return validateTrace(json.json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `(root): the file could not be read (${why})` };
  }
}

/** Copies text; `false` where the clipboard is missing or refuses (then the page shows it). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The page's own address without query or fragment: the base of a share link. */
export function pageUrl(href: string): string {
  return href.replace(/[?#].*$/s, '');
}

/** A file name for the work: `luoscope-seed-A-step7.json`. */
export function fileName(scenario: string, variant: string, position: number, ext: string) {
  return `luoscope-${scenario}-${variant}-step${position}.${ext}`;
}
