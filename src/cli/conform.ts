/**
 * `luoscope conform FILE RUN...`: the reproducer's output (one or more files, `-` for stdin,
 * its stages in any order) read back and set against FILE's replay, step by step. Prints the
 * report (or `--json`: the run and each step's verdict); exit 0 when no step disagrees, 1 when
 * some step does, 2 when the input is refused (one line on stderr naming the input line).
 */
import type { Command } from './args';
import type { CliIo } from './io';
import { clean } from './text';
import { replayText } from '../trace';
import type { ReplayResult, TraceDoc } from '../trace';
import { conform, conformLines, readRun } from '../trace/conform';
import type { ConformReport, RunInput } from '../trace/conform';

/** The JSON format of a conformance report. */
export const CONFORM_FORMAT = 'luoscope/conform@1';

export async function conformCommand(
  io: CliIo,
  command: Extract<Command, { name: 'conform' }>,
  refuse: (message: string) => number,
): Promise<number> {
  const read = await io.readText(command.file);
  if (!read.ok) return refuse(`${command.file}: ${read.error}`);
  const replayed = replayText(read.text);
  if (!replayed.ok) return refuse(`${command.file}: ${replayed.error}`);
  const { doc, result } = replayed;
  const report = await readRuns(io, doc, result, command.runs);
  if (typeof report === 'string') return refuse(report);
  if (!report) return refuse('conform needs at least one RUN');
  if (command.format === 'json') {
    io.stdout(`${JSON.stringify({ format: CONFORM_FORMAT, ...report }, null, 2)}\n`);
  } else {
    const title = `luoscope conform ${clean(command.file)} ${command.runs.map(clean).join(' ')}`;
    io.stdout(`${[title, '', ...conformLines(report, true)].join('\n')}\n`);
  }
  return report.counts.disagree ? 1 : 0;
}

/**
 * The kernel run in `paths` (none: undefined) set against the replay, or the one-line
 * problem with it (a file that cannot be read, a refused input naming its line).
 */
export async function readRuns(
  io: CliIo,
  doc: TraceDoc,
  result: ReplayResult,
  paths: readonly string[],
): Promise<ConformReport | undefined | string> {
  if (paths.length === 0) return undefined;
  const inputs: RunInput[] = [];
  for (const path of paths) {
    const run = await io.readText(path);
    if (!run.ok) return `${path}: ${run.error}`;
    inputs.push({ name: path === '-' ? '(stdin)' : path, text: run.text });
  }
  const run = readRun(doc, result, inputs);
  if (!run.ok) return clean(run.error);
  return conform(doc, result, run.run);
}
