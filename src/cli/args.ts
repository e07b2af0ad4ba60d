/**
 * The command line's arguments: `replay FILE [--json | --format text|json]` and
 * `explore FILE [--variants A,B,C,D] [--json]`. Kept apart from
 * the commands so that a new subcommand (`explore`) or output format (`c`) is one more entry
 * in the tables below.
 */

import type { Variant } from '../engine';
import { VARIANTS } from '../engine';

/** How a command prints its result. */
export const OUTPUT_FORMATS = ['text', 'json'] as const;
/** One of `OUTPUT_FORMATS`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A command line that made sense. */
export type Command =
  | { name: 'help' }
  | { name: 'replay'; file: string; format: OutputFormat }
  | { name: 'explore'; file: string; format: OutputFormat; variants: Variant[] };

/** The parsed command line, or a one-line usage problem. */
export type ParsedArgs = { ok: true; command: Command } | { ok: false; error: string };

/** Subcommands, their positional arguments and what they do (for the usage text). */
const SUBCOMMANDS = {
  replay: { args: ['FILE'], summary: 'replay a luoscope/trace@1 document through the engine' },
  explore: {
    args: ['FILE'],
    summary: "count every preserve/retrieve ordering of FILE's files by outcome",
  },
} as const;
type Subcommand = keyof typeof SUBCOMMANDS;

/** The usage text printed by `--help`. */
export const USAGE = [
  'usage: luoscope replay FILE [--json | --format text|json]',
  '       luoscope explore FILE [--variants A,B,C,D] [--json | --format text|json]',
  '',
  ...Object.entries(SUBCOMMANDS).map(([name, c]) => `  ${name} ${c.args.join(' ')}  ${c.summary}`),
  '',
  'options:',
  '  --format text|json  output format (default text)',
  '  --json              the same as --format json: the result on stdout, nothing else',
  '  --variants A,B,...  explore: the variants to explore (default all four)',
  '  -h, --help          this text',
  '',
  'exit status: 0 replayed and every expect held, 1 replayed with mismatches,',
  '             2 document refused, file unreadable or usage error',
].join('\n');

/** The one-line usage reminder appended to argument errors. */
export const SHORT_USAGE = 'usage: luoscope replay|explore FILE [--json]';

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
  let variants: Variant[] | undefined;
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
    } else if (arg === '--variants' || arg.startsWith('--variants=')) {
      const value = arg === '--variants' ? argv[++i] : arg.slice('--variants='.length);
      if (value === undefined) return fail('--variants needs a value such as A,B,C,D');
      const parsed = parseVariants(value);
      if (typeof parsed === 'string') return fail(parsed);
      variants = parsed;
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
  const file = rest[0]!;
  if (name === 'explore') {
    return { ok: true, command: { name, file, format, variants: variants ?? [...VARIANTS] } };
  }
  return { ok: true, command: { name, file, format } };
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
