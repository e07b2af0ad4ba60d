/**
 * What the command line touches outside itself: its two output streams and the files it reads.
 * Tests replace the streams; the bin wrapper uses `nodeIo()`.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_TRACE_BYTES, tooLargeMessage } from '../trace';

/** A file's text, or one line saying why it could not be had. */
export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** The command line's view of the outside world. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a document; files over 1 MiB are refused without being read. */
  readText(path: string): Promise<ReadResult>;
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ENOENT') return 'cannot read: no such file';
  if (e.code === 'EISDIR') return 'cannot read: is a directory';
  if (e.code === 'EACCES') return 'cannot read: permission denied';
  return `cannot read: ${e.message ?? String(error)}`;
}

/** Reads a document from the file system as UTF-8. */
export async function readTextFile(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, error: 'cannot read: is a directory' };
    if (info.size > MAX_TRACE_BYTES) return { ok: false, error: tooLargeMessage(info.size) };
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/** Standard input as UTF-8, refused past `MAX_TRACE_BYTES`. */
export async function readStdin(
  stream: AsyncIterable<Buffer | string> = process.stdin,
): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > MAX_TRACE_BYTES) return { ok: false, error: tooLargeMessage(size) };
    chunks.push(b);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** The real process: stdout, stderr and the file system; `-` is standard input. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readText: (path) => (path === '-' ? readStdin() : readTextFile(path)),
  };
}
