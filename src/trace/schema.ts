/**
 * The shape of a `luoscope/trace@1` document (TRACE-FORMAT.md) as zod schemas. Every object is
 * strict (an unknown field is refused) and every schema carries the one-line message a person
 * reads when the value is wrong. Cross-references (file ids, session handles, dependency
 * rules) are checked afterwards by `semantics.ts`.
 */
// zod/mini: the same validator as `zod`, tree-shaken to what is used (it ships in the page).
import * as z from 'zod/mini';
import { ERRNO_NAMES, FILE_TYPES, HANDLERS, OPS, TREE_IDS, isErrno } from '../engine';
import type { Op, PropSpec } from '../engine';

/** The `format` string this version reads and writes. */
export const TRACE_FORMAT = 'luoscope/trace@1';
/** Largest document text accepted: 16 MiB (UTF-8 bytes). */
export const MAX_TRACE_BYTES = 16 * 1024 * 1024;
/** Most files a document may declare. */
export const MAX_FILES = 4096;
/** Most steps a document may hold. */
export const MAX_STEPS = 100_000;
/** What a file id looks like (TRACE-FORMAT "Files"). */
export const FILE_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
/** Largest token: tokens are integers 0 <= token < 2^53. */
export const MAX_TOKEN = Number.MAX_SAFE_INTEGER;
/** `struct liveupdate_session_finish.reserved` is a u32. */
export const MAX_RESERVED = 0xffff_ffff;

type Issue = { code: string; input?: unknown };

/** A JSON value quoted for a message: one line, at most ~40 characters. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 42 ? `${text.slice(0, 40)}…` : text;
}

/** "one of "a", "b"" for a message. */
export function oneOf(values: readonly unknown[]): string {
  return values.length === 1
    ? `must be ${quote(values[0])}`
    : `must be one of ${values.map((v) => quote(v)).join(', ')}`;
}

const errnoHint = (input: unknown): string => {
  if (typeof input === 'string' && input.startsWith('-') && isErrno(input.slice(1))) {
    return `must be written without the minus sign: ${quote(input.slice(1))}`;
  }
  return `must be an errno name (${ERRNO_NAMES.join(', ')})`;
};

const text = (what: string) => z.string({ error: `must be ${what}` });

/** A non-negative integer with an upper bound and the message for exceeding it. */
function integer(max: number, tooBig: string) {
  // z.int() itself refuses integers past 2^53 (code too_big): the same message as the bound.
  const error = (iss: Issue) => (iss.code === 'too_big' ? tooBig : 'must be an integer');
  return z
    .int({ error })
    .check(z.minimum(0, { error: 'must not be negative' }), z.maximum(max, { error: tooBig }));
}

/** An errno name written without the minus sign. */
export const errnoSchema = z.enum(ERRNO_NAMES as [string, ...string[]], {
  error: (iss: Issue) => errnoHint(iss.input),
});

const errnoOrNull = z.union([errnoSchema, z.null()], {
  error: (iss: Issue) => {
    const hint = errnoHint(iss.input);
    return hint.startsWith('must be an errno') ? `${hint} or null` : hint;
  },
});

const booleanSchema = z.boolean({ error: 'must be true or false' });

/** `on`/`off` or a boolean, read as a boolean. */
const onOff = z.pipe(
  z.union([z.boolean(), z.enum(['on', 'off'])], { error: 'must be true, false, "on" or "off"' }),
  z.transform((v: boolean | 'on' | 'off') => v === true || v === 'on'),
);

/** Switch overrides by the names of SEMANTICS §4.1. */
export const switchesSchema = z.partial(
  z.strictObject(
    {
      depLookupPhase: z.enum(['preserve', 'freeze'], { error: oneOf(['preserve', 'freeze']) }),
      incomingDepPolicy: z.enum(['implicit', 'strict'], { error: oneOf(['implicit', 'strict']) }),
      strictErrno: z.enum(['EAGAIN', 'ENOENT'], {
        error: (iss: Issue) =>
          typeof iss.input === 'string' && iss.input.startsWith('-')
            ? errnoHint(iss.input)
            : oneOf(['EAGAIN', 'ENOENT']),
      }),
      finishDepCheck: z.enum(['none', 'canFinishUserRetrieved'], {
        error: oneOf(['none', 'canFinishUserRetrieved']),
      }),
      stickyRetrieveErrors: z.union([z.boolean(), z.literal('all'), z.literal('retryable')], {
        error: 'must be true, false, "all" or "retryable"',
      }),
      fileLimit: z.union([integer(MAX_TOKEN, 'must be a safe integer'), z.literal('unlimited')], {
        error: 'must be a non-negative integer or "unlimited"',
      }),
      doublePreserveCheck: onOff,
      sessionDirectionCheck: onOff,
      vfioFinishRequiresBind: onOff,
      memfdSeals: z.enum(['reset', 'preserved'], { error: oneOf(['reset', 'preserved']) }),
      iommufdRevision: z.enum(['memfd-deps', 'hwpt'], { error: oneOf(['memfd-deps', 'hwpt']) }),
      retrievedFilesBusy: onOff,
      sessionFreeze: onOff,
      khoFinalize: z.enum(['ok', 'fails'], { error: oneOf(['ok', 'fails']) }),
    },
    { error: 'must be an object' },
  ),
);

/** Every property some handler declares, with the schema of its kind. */
const PROP_SPECS: readonly PropSpec[] = [
  ...new Map(HANDLERS.flatMap((h) => h.props).map((p) => [p.name, p])).values(),
];

/** The names of every file property, in handler order. */
export const PROP_NAMES: readonly PropSpec['name'][] = PROP_SPECS.map((p) => p.name);

/** The schema of a property's value by its kind. */
export function propValueSchema(kind: PropSpec['kind']) {
  return kind === 'boolean' ? booleanSchema : errnoOrNull;
}

const fileIdSchema = text('a string').check(
  z.regex(FILE_ID_PATTERN, {
    error: (iss: Issue) => `${quote(iss.input)} is not a file id: must match [a-z][a-z0-9_-]{0,31}`,
  }),
);

/** One file of the scenario. Which properties a type takes is checked afterwards. */
export const fileSchema = z.strictObject(
  {
    id: fileIdSchema,
    type: z.enum(FILE_TYPES, { error: oneOf(FILE_TYPES) }),
    deps: z.optional(z.array(fileIdSchema, { error: 'must be an array of file ids' })),
    boot: z.optional(integer(MAX_TOKEN, 'must be a safe integer')),
    ...Object.fromEntries(PROP_SPECS.map((p) => [p.name, z.optional(propValueSchema(p.kind))])),
  },
  { error: 'must be an object' },
);

const resultSchema = z.union([z.literal('ok'), z.literal('hang'), errnoSchema], {
  error: (iss: Issue) =>
    typeof iss.input === 'string' && iss.input.startsWith('-') && isErrno(iss.input.slice(1))
      ? errnoHint(iss.input)
      : `must be "ok", "hang" or an errno name (${ERRNO_NAMES.join(', ')})`,
});

const token = integer(MAX_TOKEN, 'must be less than 2^53');
const handle = text('a session handle (a string)');
const common = { expect: z.optional(resultSchema) };
const step = <O extends Op, T extends z.core.$ZodLooseShape>(op: O, shape: T) =>
  z.strictObject({ op: z.literal(op), ...shape, ...common }, { error: 'must be an object' });
const reserved = z.optional(integer(MAX_RESERVED, `must be at most ${MAX_RESERVED} (a u32)`));

/** One userspace step; the fields depend on `op` (TRACE-FORMAT "Steps"). */
export const stepSchema = z.discriminatedUnion(
  'op',
  [
    step('createSession', { name: text('a string'), as: z.optional(handle) }),
    step('preserve', { session: handle, file: fileIdSchema, token }),
    step('closeSession', { session: handle }),
    step('kexec', {}),
    step('retrieveSession', { name: text('a string'), as: z.optional(handle) }),
    step('retrieve', { session: handle, token }),
    step('finish', { session: handle, reserved }),
    step('set', {
      file: fileIdSchema,
      prop: z.enum(PROP_NAMES as [string, ...string[]], { error: oneOf(PROP_NAMES) }),
      value: z.union([z.boolean(), z.null(), errnoSchema], {
        error: 'must be true, false, null or an errno name',
      }),
    }),
    step('freezeSession', { session: handle, reserved }),
    step('getSessionName', { session: handle }),
    step('openDevice', {}),
    step('closeDevice', {}),
  ],
  {
    error: (iss: Issue) =>
      iss.code === 'invalid_union' ? oneOf(OPS) : 'must be an object (a step)',
  },
);

/** The whole document. */
export const traceSchema = z.strictObject(
  {
    // An editor's hint (the JSON Schema the document follows); it carries no meaning here.
    $schema: z.optional(text('a string (the URL of a JSON Schema)')),
    format: z.literal(TRACE_FORMAT, { error: `must be "${TRACE_FORMAT}"` }),
    title: z.optional(text('a string')),
    kernel: z.optional(z.enum(TREE_IDS, { error: oneOf(TREE_IDS) })),
    variant: z.enum(['A', 'B', 'C', 'D'], { error: oneOf(['A', 'B', 'C', 'D']) }),
    switches: z.optional(switchesSchema),
    files: z.array(fileSchema, { error: 'must be an array of files' }).check(
      z.maxLength(MAX_FILES, {
        error: `a document may declare at most ${MAX_FILES} files (MAX_FILES)`,
      }),
    ),
    steps: z.array(stepSchema, { error: 'must be an array of steps' }).check(
      z.maxLength(MAX_STEPS, {
        error: `a document may hold at most ${MAX_STEPS} steps (MAX_STEPS)`,
      }),
    ),
  },
  { error: 'must be an object (a luoscope trace document)' },
);

/** What `traceSchema` produces. */
export type TraceJson = z.output<typeof traceSchema>;
/** What `stepSchema` produces. */
export type StepJson = z.output<typeof stepSchema>;
/** What `fileSchema` produces. */
export type FileJson = z.output<typeof fileSchema>;
