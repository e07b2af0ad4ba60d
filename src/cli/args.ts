/**
 * The command line's arguments: `replay FILE [--json | --format report|text|json|c]
 * [--base-url URL]`, `explore FILE [--variants A,B,C,D] [--json]`, `--help`, `--version`. Kept apart from the
 * commands so that a new subcommand or output format is one more entry in the tables below.
 */

import type { TreeId, Variant } from '../engine';
import { TREE_IDS, VARIANTS, isTreeId } from '../engine';
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

/** A command line that made sense. */
export type Command =
  | { name: 'help'; topic?: Subcommand }
  | { name: 'version' }
  | {
      name: 'replay';
      file: string;
      format: OutputFormat;
      baseUrl?: string;
      runs: string[];
      /** Run the document under this kernel tree instead of its own. */
      kernel?: TreeId;
    }
  | { name: 'trees'; format: 'text' | 'json' }
  | {
      name: 'explore';
      file: string;
      format: 'text' | 'json';
      variants: Variant[];
      shape: RunShape;
      maxStates?: number;
      /** Explore under this kernel tree instead of the document's. */
      kernel?: TreeId;
    }
  | { name: 'conform'; file: string; runs: string[]; format: 'text' | 'json' };

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
  trees: {
    args: [],
    formats: ['text', 'json'],
    default: 'text',
    summary: 'list the kernel trees: date, handlers, the rules each adds and their sources',
  },
  conform: {
    args: ['FILE', 'RUN...'],
    formats: ['text', 'json'],
    default: 'text',
    summary: "set a kernel run (the reproducer's output, - for stdin) against FILE",
  },
} as const;

/** The usage reminder of `conform`. */
const CONFORM_USAGE = 'conform needs FILE and at least one RUN (the output of the reproducer)';
/** A command's name. */
export type Subcommand = keyof typeof SUBCOMMANDS;

const fail = (error: string): ParsedArgs => ({ ok: false, error });

/** explore's numeric options. */
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
  let kernel: TreeId | undefined;
  const runs: string[] = [];
  const shape: RunShape = { ...DEFAULT_SHAPE };
  let shaped = false;
  let maxStates: number | undefined;
  let options = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!options || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
    } else if (arg === '--') {
      options = false;
    } else if (arg === '-h' || arg === '--help') {
      help = true;
    } else if (arg === '-V' || arg === '--version') {
      return { ok: true, command: { name: 'version' } };
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
    } else if (arg === '--kernel' || arg.startsWith('--kernel=')) {
      const value = arg === '--kernel' ? argv[++i] : arg.slice('--kernel='.length);
      if (value === undefined || !isTreeId(value)) {
        return fail(`--kernel needs a kernel tree: ${TREE_IDS.join(', ')}`);
      }
      kernel = value;
    } else if (arg === '--run' || arg.startsWith('--run=')) {
      const value = arg === '--run' ? argv[++i] : arg.slice('--run='.length);
      if (value === undefined || value === '') return fail('--run needs a file (- for stdin)');
      runs.push(value);
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
  if (help || name === 'help') {
    const topic = name === 'help' ? rest[0] : name;
    return {
      ok: true,
      command: topic && isSubcommand(topic) ? { name: 'help', topic } : { name: 'help' },
    };
  }
  if (name === undefined) return fail('no command given');
  if (!isSubcommand(name)) return fail(`unknown command ${JSON.stringify(name)}`);
  const want = SUBCOMMANDS[name].args.length;
  if (name === 'conform' && rest.length < want) return fail(CONFORM_USAGE);
  if (name !== 'conform' && rest.length !== want) {
    return fail(
      rest.length < want
        ? `${name} needs ${SUBCOMMANDS[name].args.join(' ')}`
        : want === 0
          ? `${name} takes no FILE`
          : `${name} takes one FILE, got ${rest.length}`,
    );
  }
  if (variants !== undefined && name !== 'explore') return fail('--variants is for explore');
  if (kernel !== undefined && name !== 'replay' && name !== 'explore') {
    return fail('--kernel is for replay and explore');
  }
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
  if (runs.length && !(name === 'replay' && format === 'text')) {
    return fail('--run is for replay --format text (or: luoscope conform FILE RUN...)');
  }
  if (name === 'trees') return { ok: true, command: { name, format: format as 'text' } };
  const file = rest[0]!;
  if (name === 'explore') {
    const f = format as 'text' | 'json';
    const command = {
      name,
      file,
      format: f,
      variants: variants ?? [...VARIANTS],
      shape,
      ...(maxStates === undefined ? {} : { maxStates }),
      ...(kernel === undefined ? {} : { kernel }),
    } as const;
    return { ok: true, command };
  }
  if (name === 'conform') {
    return { ok: true, command: { name, file, runs: rest.slice(1), format: format as 'text' } };
  }
  return {
    ok: true,
    command: {
      name,
      file,
      format,
      runs,
      ...(baseUrl === undefined ? {} : { baseUrl }),
      ...(kernel === undefined ? {} : { kernel }),
    },
  };
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
