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
  /** Reads a document (`-`: standard input); one over the size limit is refused. */
  readText(path: string): Promise<ReadResult>;
  /** The environment (`LUOSCOPE_BASE_URL`); absent in tests that do not set one. */
  env?: Readonly<Record<string, string | undefined>>;
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

/** Reads a document from a stream (standard input), stopping once it passes the limit. */
export async function readTextStream(stream: AsyncIterable<Buffer | string>): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > MAX_TRACE_BYTES) return { ok: false, error: tooLargeMessage(size) };
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** The real process: stdout, stderr, standard input, the file system and the environment. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readText: (path) => (path === '-' ? readTextStream(process.stdin) : readTextFile(path)),
    env: process.env,
  };
}
