/**
 * The command line: `luoscope replay FILE [--format report|text|json|c]`,
 * `luoscope explore FILE [--json]`, `--help`, `--version`; FILE `-` is standard input. `main(argv, io)` returns the exit status
 * instead of exiting, so tests drive it with captured output; `main.ts` is the bin wrapper.
 * Exit status: 0 replayed with every expect held, 1 replayed with mismatches, 2 document
 * refused, file unreadable or usage error (with one line on stderr naming the problem).
 */
import type { Command } from './args';
import { parseArgs } from './args';
import { BASE_URL_ENV, COMMAND_USAGE, SHORT_USAGE, USAGE } from './usage';
import { nodeIo } from './io';
import type { CliIo } from './io';
import { formatReplayText } from './text';
import {
  LUOSCOPE_VERSION,
  checkBaseUrl,
  exportC,
  exportText,
  parseTrace,
  replayText,
  shareTarget,
} from '../trace';
import { exploreDoc, exploreJson, formatExploreText } from './explore';
import { conformCommand, readRuns } from './conform';
import { treesJson, treesText } from './trees';

export type { CliIo } from './io';

/** The exit statuses of the command line (70: an internal error, set by main.ts). */
export const EXIT = { ok: 0, mismatches: 1, refused: 2, internal: 70 } as const;

/** Writes the one-line problem report to stderr and returns exit status 2. */
function refuse(io: CliIo, message: string): number {
  io.stderr(`luoscope: ${message.replace(/[\r\n]+/g, ' ')}\n`);
  return EXIT.refused;
}

/** The public page a mail's link opens: `--base-url`, else $LUOSCOPE_BASE_URL, else none. */
function baseFor(
  io: CliIo,
  flag: string | undefined,
): { ok: true; url: string | null } | { ok: false; error: string } {
  const env = io.env?.[BASE_URL_ENV];
  const [value, from] = flag !== undefined ? [flag, '--base-url'] : [env || null, BASE_URL_ENV];
  if (value === null) return { ok: true, url: null };
  const checked = checkBaseUrl(value);
  return checked.ok ? checked : { ok: false, error: `${from}: ${checked.error}` };
}

async function replay(io: CliIo, command: Extract<Command, { name: 'replay' }>): Promise<number> {
  const base = command.format === 'text' ? baseFor(io, command.baseUrl) : null;
  if (base && !base.ok) return refuse(io, base.error);
  const read = await io.readText(command.file);
  if (!read.ok) return refuse(io, `${command.file}: ${read.error}`);
  const replayed = replayText(read.text, command.kernel ? { kernel: command.kernel } : {});
  if (!replayed.ok) return refuse(io, `${command.file}: ${replayed.error}`);
  const { doc, result } = replayed;
  switch (command.format) {
    case 'json':
      io.stdout(JSON.stringify(result, null, 2));
      break;
    case 'c':
      io.stdout(exportC(doc, result));
      break;
    case 'text': {
      const kernel = await readRuns(io, doc, result, command.runs);
      if (typeof kernel === 'string') return refuse(io, kernel);
      io.stdout(
        exportText(doc, result, shareTarget(base?.ok ? base.url : null, doc, kernel?.run), kernel),
      );
      if (kernel?.counts.disagree) return EXIT.mismatches;
      break;
    }
    case 'report':
      io.stdout(formatReplayText(command.file, doc, result));
  }
  return result.outcome.mismatches.length ? EXIT.mismatches : EXIT.ok;
}

async function exploreCommand(
  io: CliIo,
  command: Extract<Command, { name: 'explore' }>,
): Promise<number> {
  const read = await io.readText(command.file);
  if (!read.ok) return refuse(io, `${command.file}: ${read.error}`);
  const parsed = parseTrace(read.text);
  if (!parsed.ok) return refuse(io, `${command.file}: ${parsed.error}`);
  const kernel = command.kernel ?? parsed.doc.kernel;
  const explored = exploreDoc(
    parsed.doc,
    command.variants,
    command.shape,
    command.maxStates,
    kernel,
  );
  if (!explored.ok) return refuse(io, `${command.file}: ${explored.error}`);
  if (command.format === 'json')
    io.stdout(JSON.stringify(exploreJson(explored.results, command.shape, kernel), null, 2));
  else io.stdout(formatExploreText(command.file, explored.results, command.shape));
  return EXIT.ok;
}

/** Runs the command line `argv` (without node and script paths); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) return refuse(io, `${args.error} (${SHORT_USAGE})`);
  switch (args.command.name) {
    case 'help':
      io.stdout(`${args.command.topic ? COMMAND_USAGE[args.command.topic] : USAGE}\n`);
      return EXIT.ok;
    case 'version':
      io.stdout(`luoscope ${LUOSCOPE_VERSION}\n`);
      return EXIT.ok;
    case 'replay':
      return replay(io, args.command);
    case 'explore':
      return exploreCommand(io, args.command);
    case 'conform':
      return conformCommand(io, args.command, (m) => refuse(io, m));
    case 'trees':
      io.stdout(args.command.format === 'json' ? treesJson() : treesText());
      return EXIT.ok;
  }
}
