/**
 * The texts of `--help`: the tool's, and one per command (`luoscope replay --help`). The exit
 * statuses are the same for every command and are listed in each text.
 */

/** The environment variable that gives `--base-url` a default. */
export const BASE_URL_ENV = 'LUOSCOPE_BASE_URL';

const EXIT_STATUS = [
  'exit status:',
  '  0   done, and every expect of the document held',
  '  1   replayed, and some expect did not hold (a mismatch)',
  '  2   refused: an invalid document, an unreadable file or a usage error;',
  '      one line on stderr names the problem (for a document, its JSON path)',
  '  70  internal error (a bug in luoscope)',
];

const REPLAY = [
  'usage: luoscope replay FILE [--json | --format report|text|json|c]',
  '                            [--base-url URL] [--kernel TREE]',
  '',
  'Replays a luoscope/trace@1 document through the engine. FILE - is stdin.',
  '',
  'options:',
  '  --format FORMAT  report  (default) each step, its result, reason and',
  '                           callbacks, then the outcome',
  '                   text    the text for a mail reply: plain ASCII,',
  '                           72 columns, the share link last (also: mail)',
  '                   json    the luoscope/replay@1 document, alone on stdout',
  '                   c       a C reproducer shaped like the liveupdate selftests',
  '  --json           the same as --format json',
  '  --base-url URL   text: the public luoscope page the link opens',
  `                   (default: $${BASE_URL_ENV}). Without one, the text`,
  '                   ends with the payload, to paste into "Open a link or',
  '                   payload" on any luoscope page. A loopback address',
  '                   (localhost, 127.0.0.1) is refused: nobody else can open it.',
  '  --kernel TREE    run FILE under this kernel tree instead of its own',
  '                   (luoscope trees lists them)',
  "  --run RUN        text: add a kernel run (the reproducer's output; repeatable)",
  '                   as a table, and to the share link',
  '  -h, --help       this text',
  '',
  ...EXIT_STATUS,
].join('\n');

const EXPLORE = [
  'usage: luoscope explore FILE [--variants A,B,C,D] [--json | --format text|json]',
  '                [--sessions 1-3] [--kexecs 1|2] [--set-steps] [--max-states N]',
  '',
  "Counts every preserve/retrieve ordering of FILE's files by outcome, under each",
  "variant, with a shortest run per outcome. FILE's variant, switches and steps",
  'are not used. FILE - is stdin.',
  '',
  'options:',
  '  --variants A,B,...  the variants to explore (default all four)',
  '  --sessions K        sessions created up front, 1 to 3 (default 1)',
  '  --kexecs N          live updates per run, 1 or 2 (default 1)',
  '  --set-steps         include the VMM preparation (stop vCPUs, IRQs off, seal)',
  '  --max-states N      stop past N states (default 100000)',
  "  --kernel TREE       explore under this kernel tree (default: FILE's own)",
  '  --format FORMAT     text (default) the table and the witnesses;',
  '                      json the luoscope/explore@1 document',
  '  --json              the same as --format json',
  '  -h, --help          this text',
  '',
  ...EXIT_STATUS,
].join('\n');

const TREES_HELP = [
  'usage: luoscope trees [--json]',
  '',
  'Lists the kernel trees a document may name in "kernel" (or replay --kernel):',
  'the date, the file types with a handler, the switch defaults, and each rule a',
  'tree adds with its source.',
  '',
  'options:',
  '  --json              the list as luoscope/trees@1',
  '  -h, --help          this text',
].join('\n');

const CONFORM = [
  'usage: luoscope conform FILE RUN... [--json | --format text|json]',
  '',
  "Sets a kernel run (the C reproducer's TAP output, every stage, any order, one or",
  'several files; - is stdin) against what luoscope predicts for FILE, step by step.',
  '',
  'options:',
  '  --format FORMAT     text (default) the table; json the luoscope/conform@1 document',
  '  --json              the same as --format json',
  '  -h, --help          this text',
  '',
  'exit status:',
  '  0   every step the kernel ran agrees with luoscope',
  '  1   some step disagrees',
  '  2   refused: the run belongs to another trace, a stage is given twice with',
  '      different results, a line is garbled or truncated (the line is named)',
].join('\n');

/** The tool's usage text (`luoscope --help`). */
export const USAGE = [
  'usage: luoscope replay FILE [--json | --format report|text|json|c]',
  '                            [--base-url URL]',
  '       luoscope explore FILE [--variants A,B,C,D] [--json | --format text|json]',
  '       luoscope conform FILE RUN... [--json]',
  '       luoscope trees [--json]',
  '       luoscope --version | --help | COMMAND --help',
  '',
  'commands:',
  '  replay FILE   replay a luoscope/trace@1 document through the engine',
  "  explore FILE  count every preserve/retrieve ordering of FILE's files",
  "  conform FILE RUN...  set a kernel run (the reproducer's output) against FILE",
  '  trees         list the kernel trees, with their sources',
  '',
  'FILE may be - to read the document from standard input.',
  '',
  ...EXIT_STATUS,
].join('\n');

/** Each command's own usage text. */
export const COMMAND_USAGE = {
  replay: REPLAY,
  explore: EXPLORE,
  conform: CONFORM,
  trees: TREES_HELP,
} as const;

/** The one-line usage reminder appended to argument errors. */
export const SHORT_USAGE = 'usage: luoscope replay|explore|conform FILE [--json]';
