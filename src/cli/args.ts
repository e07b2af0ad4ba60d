/**
 * The command line's arguments: `replay FILE [--json | --format text|json]`. Kept apart from
 * the commands so that a new subcommand (`explore`) or output format (`c`) is one more entry
 * in the tables below.
 */

/** How a command prints its result. */
export const OUTPUT_FORMATS = ['text', 'json'] as const;
/** One of `OUTPUT_FORMATS`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A command line that made sense. */
export type Command = { name: 'help' } | { name: 'replay'; file: string; format: OutputFormat };

/** The parsed command line, or a one-line usage problem. */
export type ParsedArgs = { ok: true; command: Command } | { ok: false; error: string };

/** Subcommands, their positional arguments and what they do (for the usage text). */
const SUBCOMMANDS = {
  replay: { args: ['FILE'], summary: 'replay a luoscope/trace@1 document through the engine' },
} as const;
type Subcommand = keyof typeof SUBCOMMANDS;

/** The usage text printed by `--help`. */
export const USAGE = [
  'usage: luoscope replay FILE [--json | --format text|json]',
  '',
  ...Object.entries(SUBCOMMANDS).map(([name, c]) => `  ${name} ${c.args.join(' ')}  ${c.summary}`),
  '',
  'options:',
  '  --format text|json  output format (default text)',
  '  --json              the same as --format json: the replay result on stdout, nothing else',
  '  -h, --help          this text',
  '',
  'exit status: 0 replayed and every expect held, 1 replayed with mismatches,',
  '             2 document refused, file unreadable or usage error',
].join('\n');

/** The one-line usage reminder appended to argument errors. */
export const SHORT_USAGE = 'usage: luoscope replay FILE [--json]';

const fail = (error: string): ParsedArgs => ({ ok: false, error });

function isSubcommand(name: string): name is Subcommand {
  return Object.hasOwn(SUBCOMMANDS, name);
}

function isFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Parses `argv` (without the node and script paths). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  let format: OutputFormat = 'text';
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!options || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
    } else if (arg === '--') {
      options = false;
    } else if (arg === '-h' || arg === '--help') {
      return { ok: true, command: { name: 'help' } };
    } else if (arg === '--json') {
      format = 'json';
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value === undefined) return fail('--format needs a value: text or json');
      if (!isFormat(value)) {
        return fail(`unknown format ${JSON.stringify(value)}: use ${OUTPUT_FORMATS.join(' or ')}`);
      }
      format = value;
    } else {
      return fail(`unknown option ${JSON.stringify(arg)}`);
    }
  }
  const [name, ...rest] = positional;
  if (name === undefined) return fail('no command given');
  if (!isSubcommand(name)) return fail(`unknown command ${JSON.stringify(name)}`);
  const want = SUBCOMMANDS[name].args.length;
  if (rest.length !== want) {
    return fail(
      rest.length < want
        ? `${name} needs ${SUBCOMMANDS[name].args.join(' ')}`
        : `${name} takes one FILE, got ${rest.length}`,
    );
  }
  return { ok: true, command: { name, file: rest[0]!, format } };
}
