/**
 * The command line's arguments: `replay FILE [--json | --format report|text|json|c]
 * [--base-url URL]` and `explore FILE [--variants A,B,C,D] [--json]`. Kept apart from the
 * commands so that a new subcommand or output format is one more entry in the tables below.
 */

import type { Variant } from '../engine';
import { VARIANTS } from '../engine';
import type { RunShape } from '../explore';
import { DEFAULT_SHAPE, shapeProblem } from '../explore';

/**
 * How a command prints its result: `report` the replay report for a terminal (the default of
 * replay), `text` the plain-text export (replay: for a mail reply, ASCII, 72 columns, with a
 * share link; explore: its table), `json` the result document, `c` the C reproducer.
 */
export const OUTPUT_FORMATS = ['report', 'text', 'json', 'c'] as const;
/** One of `OUTPUT_FORMATS`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Other names for a format: `mail` is the text export. */
const FORMAT_ALIASES: Readonly<Record<string, OutputFormat>> = { mail: 'text' };

/** Where `--format text` points its share link unless `--base-url` says otherwise. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:5173/';

/** A command line that made sense. */
export type Command =
  | { name: 'help' }
  | { name: 'replay'; file: string; format: OutputFormat; baseUrl: string }
  | {
      name: 'explore';
      file: string;
      format: 'text' | 'json';
      variants: Variant[];
      shape: RunShape;
      maxStates?: number;
    };

/** The parsed command line, or a one-line usage problem. */
export type ParsedArgs = { ok: true; command: Command } | { ok: false; error: string };

/** Subcommands, their positional arguments and what they do (for the usage text). */
const SUBCOMMANDS = {
  replay: {
    args: ['FILE'],
    formats: OUTPUT_FORMATS,
    default: 'report',
    summary: 'replay a luoscope/trace@1 document through the engine',
  },
  explore: {
    args: ['FILE'],
    formats: ['text', 'json'],
    default: 'text',
    summary: "count every preserve/retrieve ordering of FILE's files by outcome",
  },
} as const;
type Subcommand = keyof typeof SUBCOMMANDS;

/** The usage text printed by `--help`. */
export const USAGE = [
  'usage: luoscope replay FILE [--json | --format report|text|json|c] [--base-url URL]',
  '       luoscope explore FILE [--variants A,B,C,D] [--json | --format text|json]',
  '                [--sessions 1-3] [--kexecs 1|2] [--set-steps] [--max-states N]',
  '',
  ...Object.entries(SUBCOMMANDS).map(([name, c]) => `  ${name} ${c.args.join(' ')}  ${c.summary}`),
  '',
  'options:',
  '  --format FORMAT     output format:',
  '                        report  replay (default): steps, reasons, callbacks, outcome',
  '                        text    replay: the export for a mail reply: plain ASCII,',
  '                                72 columns, share link last (also: mail);',
  '                                explore (default): the table and the witnesses',
  '                        json    the luoscope/replay@1 (or explore@1) document',
  '                        c       replay: a C reproducer shaped like the liveupdate selftests',
  '  --json              the same as --format json: the result on stdout, nothing else',
  `  --base-url URL      text: the luoscope page the share link opens (default ${DEFAULT_BASE_URL})`,
  '  --variants A,B,...  explore: the variants to explore (default all four)',
  '  --sessions K        explore: sessions created up front, 1 to 3 (default 1)',
  '  --kexecs N          explore: live updates per run, 1 or 2 (default 1)',
  '  --set-steps         explore: include the VMM preparation (stop vCPUs, IRQs off, seal)',
  '  --max-states N      explore: stop past N states (default 100000)',
  '  -h, --help          this text',
  '',
  'exit status: 0 replayed and every expect held, 1 replayed with mismatches,',
  '             2 document refused, file unreadable or usage error',
].join('\n');

/** The one-line usage reminder appended to argument errors. */
export const SHORT_USAGE = 'usage: luoscope replay|explore FILE [--json]';

const fail = (error: string): ParsedArgs => ({ ok: false, error });

const NUMBER_OPTIONS = ['--sessions', '--kexecs', '--max-states'] as const;

const FORMAT_LIST = `${OUTPUT_FORMATS.slice(0, -1).join(', ')} or ${OUTPUT_FORMATS.at(-1)}`;

function isSubcommand(name: string): name is Subcommand {
  return Object.hasOwn(SUBCOMMANDS, name);
}

function formatOf(value: string): OutputFormat | undefined {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  return FORMAT_ALIASES[value];
}

/** Parses `argv` (without the node and script paths). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  let format: OutputFormat | undefined;
  let baseUrl: string | undefined;
  let variants: Variant[] | undefined;
  const shape: RunShape = { ...DEFAULT_SHAPE };
  let shaped = false;
  let maxStates: number | undefined;
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
      if (value === undefined) return fail(`--format needs a value: ${FORMAT_LIST}`);
      format = formatOf(value);
      if (!format) return fail(`unknown format ${JSON.stringify(value)}: use ${FORMAT_LIST}`);
    } else if (arg === '--base-url' || arg.startsWith('--base-url=')) {
      const value = arg === '--base-url' ? argv[++i] : arg.slice('--base-url='.length);
      if (value === undefined || value === '') return fail('--base-url needs a URL');
      baseUrl = value;
    } else if (arg === '--variants' || arg.startsWith('--variants=')) {
      const value = arg === '--variants' ? argv[++i] : arg.slice('--variants='.length);
      if (value === undefined) return fail('--variants needs a value such as A,B,C,D');
      const parsed = parseVariants(value);
      if (typeof parsed === 'string') return fail(parsed);
      variants = parsed;
    } else if (arg === '--set-steps') {
      shape.setSteps = shaped = true;
    } else if (NUMBER_OPTIONS.some((o) => arg === o || arg.startsWith(`${o}=`))) {
      const o = NUMBER_OPTIONS.find((x) => arg === x || arg.startsWith(`${x}=`))!;
      const value = arg === o ? argv[++i] : arg.slice(o.length + 1);
      const n = Number(value);
      if (value === undefined || value === '' || !Number.isInteger(n) || n < 1) {
        return fail(`${o} needs a whole number, got ${JSON.stringify(value ?? '')}`);
      }
      if (o === '--max-states') maxStates = n;
      else {
        shape[o === '--sessions' ? 'sessions' : 'kexecs'] = n;
        shaped = true;
      }
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
  if (variants !== undefined && name !== 'explore') return fail('--variants is for explore');
  if ((shaped || maxStates !== undefined) && name !== 'explore') {
    return fail('--sessions, --kexecs, --set-steps and --max-states are for explore');
  }
  const problem = shapeProblem(shape);
  if (problem) return fail(`--${problem}`);
  const formats: readonly OutputFormat[] = SUBCOMMANDS[name].formats;
  format ??= SUBCOMMANDS[name].default;
  if (!formats.includes(format)) {
    return fail(`--format ${format} is for replay; ${name} prints ${formats.join(' or ')}`);
  }
  if (baseUrl !== undefined && !(name === 'replay' && format === 'text')) {
    return fail('--base-url is for replay --format text');
  }
  const file = rest[0]!;
  if (name === 'explore') {
    const f = format as 'text' | 'json';
    const command = { name, file, format: f, variants: variants ?? [...VARIANTS], shape } as const;
    return { ok: true, command: maxStates === undefined ? command : { ...command, maxStates } };
  }
  return { ok: true, command: { name, file, format, baseUrl: baseUrl ?? DEFAULT_BASE_URL } };
}

/** `A,C` -> ['A', 'C'], or a one-line problem. */
function parseVariants(value: string): Variant[] | string {
  const out: Variant[] = [];
  for (const part of value.split(',')) {
    const v = part.trim();
    if (!(VARIANTS as readonly string[]).includes(v)) {
      return `unknown variant ${JSON.stringify(v)} in --variants: use A, B, C or D`;
    }
    if (!out.includes(v as Variant)) out.push(v as Variant);
  }
  return out;
}
