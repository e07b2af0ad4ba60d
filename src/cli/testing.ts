/**
 * Test-only: runs the command line in-process with its output captured (what `luoscope ARGS`
 * would print and its exit status). Nothing in the CLI imports it.
 */
import { main } from './cli';
import { readTextFile } from './io';

/** The result of one run: exit status, standard output and standard error. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `argv` with the given environment (none by default: no LUOSCOPE_BASE_URL). */
export async function runCliWith(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readText: readTextFile,
    env,
  });
  return { status, stdout, stderr };
}

/** Runs `argv` with an empty environment. */
export const runCli = (...argv: string[]): Promise<CliRun> => runCliWith({}, argv);
