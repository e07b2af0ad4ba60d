/**
 * fast-check generators of valid `luoscope/trace@1` documents, for the property tests of the
 * trace format, the share link and the exports. Test code only: nothing in the app imports it.
 *
 * - `traceJsonArb`: any scenario (random files of every type, random ids, dependencies that
 *   follow each type's rule, cycles among generic files, properties, later boots) and random
 *   steps whose handles were named by an earlier step; titles, session names and handles are
 *   arbitrary Unicode (HTML, control characters, lone surrogates, `*` `/`).
 * - `fixedScenarioTraceArb`: the fixed scenario of every type that replay.test.ts has used
 *   since it was written, with random steps and switch overrides.
 */
import fc from 'fast-check';
import { ERRNO_NAMES, FILE_TYPES } from '../engine';
import type { FileType } from '../engine';
import { TRACE_FORMAT } from './schema';

type Json = Record<string, unknown>;

/** Switch overrides: any subset, any value the trace format accepts. */
export const switchesArb = fc.record(
  {
    depLookupPhase: fc.constantFrom('preserve', 'freeze'),
    incomingDepPolicy: fc.constantFrom('implicit', 'strict'),
    strictErrno: fc.constantFrom('EAGAIN', 'ENOENT'),
    finishDepCheck: fc.constantFrom('none', 'canFinishUserRetrieved'),
    stickyRetrieveErrors: fc.constantFrom(true, false, 'all'),
    fileLimit: fc.constantFrom(2, 128, 'unlimited'),
    doublePreserveCheck: fc.boolean(),
    sessionDirectionCheck: fc.boolean(),
    vfioFinishRequiresBind: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Text a person might type, and text meant to break a renderer. */
export const nastyStringArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '*/ int x; /*',
    '??/ trailing\\',
    '"quoted" \\ back',
    'caf\u00e9 \u2014 \u201cquotes\u201d \u2192 \u{1F680}',
    'line\nbreak\ttab\u0000nul\u001b[31m',
    '%s %n %d',
    'x'.repeat(70),
  ),
);

/** Session names and handles: mostly plain, sometimes nasty. */
const nameArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('vmm', 's', 'S1', 'state') },
  { weight: 1, arbitrary: nastyStringArb },
);

/** Which types a file of each type may depend on (TRACE-FORMAT "Files"). */
const DEP_TYPES: Record<FileType, readonly FileType[]> = {
  memfd: [],
  'kvm-vm': [],
  guest_memfd: ['kvm-vm'],
  'kvm-vcpu': ['kvm-vm'],
  iommufd: ['memfd'],
  'vfio-pci': ['iommufd'],
  pipe: [],
  generic: FILE_TYPES,
};

const errnoOrNull = fc.constantFrom(null, 'EINVAL', 'EIO', 'EBUSY');

/** One file's random choices; `toFiles` turns a list of them into a valid scenario. */
const fileGene = fc.record({
  type: fc.constantFrom(...FILE_TYPES),
  id: fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/),
  picks: fc.array(fc.nat(), { maxLength: 3 }),
  forward: fc.option(fc.nat(), { nil: undefined }),
  boot: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(2)),
  a: fc.option(fc.boolean(), { nil: undefined }),
  b: fc.option(fc.boolean(), { nil: undefined }),
  errno: fc.option(errnoOrNull, { nil: undefined }),
});
type FileGene = typeof fileGene extends fc.Arbitrary<infer T> ? T : never;

/** Valid files from genes: deps only on earlier files, plus generic -> later generic edges. */
function toFiles(genes: readonly FileGene[]): Json[] {
  const files: Json[] = [];
  const forward: (number | undefined)[] = [];
  const seen = new Set<string>();
  for (const gene of genes) {
    const id = seen.has(gene.id) ? `${gene.id}${files.length}`.slice(0, 32) : gene.id;
    if (seen.has(id)) continue;
    const candidates = files.filter((f) => DEP_TYPES[gene.type].includes(f.type as FileType));
    const deps = new Set<string>();
    let type = gene.type;
    if (type === 'guest_memfd' || type === 'kvm-vcpu' || type === 'iommufd') {
      if (candidates.length === 0) type = 'memfd';
      else deps.add(candidates[(gene.picks[0] ?? 0) % candidates.length]!.id as string);
      if (type === 'iommufd') {
        for (const p of gene.picks) deps.add(candidates[p % candidates.length]!.id as string);
      }
    } else if (type === 'vfio-pci' && candidates.length > 0 && gene.picks.length > 0) {
      deps.add(candidates[gene.picks[0]! % candidates.length]!.id as string);
    } else if (type === 'generic') {
      for (const p of gene.picks)
        if (candidates.length) deps.add(candidates[p % candidates.length]!.id as string);
    }
    const file: Json = { id, type };
    if (deps.size) file.deps = [...deps];
    if (type === 'memfd' && gene.a !== undefined) file.sealed = gene.a;
    if (type === 'kvm-vcpu' && gene.a !== undefined) file.running = gene.a;
    if (type === 'vfio-pci' && gene.a !== undefined) file.irqsEnabled = gene.a;
    if (type === 'vfio-pci' && gene.b !== undefined) file.bound = gene.b;
    if (type === 'generic' && gene.errno !== undefined) file.freezeError = gene.errno;
    if (type === 'generic' && gene.b !== undefined) file.canFinish = gene.b;
    if (gene.boot !== 0) file.boot = gene.boot;
    seen.add(id);
    files.push(file);
    forward.push(gene.forward);
  }
  // Cycles: a generic file may also depend on a later generic file.
  files.forEach((file, i) => {
    const pick = forward[i];
    if (pick === undefined || file.type !== 'generic') return;
    const later = files.slice(i + 1).filter((f) => f.type === 'generic');
    if (!later.length) return;
    const dep = later[pick % later.length]!.id as string;
    const deps = (file.deps as string[] | undefined) ?? [];
    if (!deps.includes(dep)) file.deps = [...deps, dep];
  });
  return files;
}

/** The properties `set` may change, by type, with their values. */
const SETTABLE: Partial<Record<FileType, [string, readonly unknown[]][]>> = {
  memfd: [['sealed', [true, false]]],
  'kvm-vcpu': [['running', [true, false]]],
  'vfio-pci': [
    ['irqsEnabled', [true, false]],
    ['bound', [true, false]],
  ],
  generic: [
    ['freezeError', [null, 'EIO', 'EINVAL']],
    ['canFinish', [true, false]],
  ],
};

/** Ops weighted the way a VMM uses them: mostly preserve and retrieve. */
const OPS = [
  ...['createSession', 'createSession', 'retrieveSession', 'retrieveSession'],
  ...['preserve', 'preserve', 'preserve', 'preserve', 'preserve'],
  ...['retrieve', 'retrieve', 'retrieve', 'retrieve'],
  ...['finish', 'closeSession', 'kexec', 'set', 'set'],
] as const;

/** One step's random choices; `toSteps` makes a valid step list of them. */
const stepGene = fc.record({
  op: fc.constantFrom(...OPS),
  n: fc.nat(),
  m: fc.nat(),
  token: fc.oneof(fc.nat(8), fc.nat(8), fc.constant(2 ** 53 - 1)),
  reserved: fc.constantFrom(0, 0, 0, 1),
  expect: fc.option(fc.constantFrom('ok', ...ERRNO_NAMES), { freq: 3, nil: undefined }),
});
type StepGene = typeof stepGene extends fc.Arbitrary<infer T> ? T : never;

/** The first of `names`, starting at `at`, that is not in `used` (else the one at `at`). */
function fresh(names: readonly string[], used: readonly string[], at: number): string {
  for (let i = 0; i < names.length; i++) {
    const name = names[(at + i) % names.length]!;
    if (!used.includes(name)) return name;
  }
  return names[at % names.length]!;
}

/**
 * Valid steps from genes, biased the way a VMM works so that many steps succeed: new session
 * names, the session opened last, retrieval of what was created before the kexec, tokens that
 * were preserved. Every handle a step uses was named by an earlier step.
 */
function toSteps(
  genes: readonly StepGene[],
  files: readonly Json[],
  names: readonly string[],
  handles: readonly string[],
): Json[] {
  const named: string[] = [];
  const steps: Json[] = [];
  const settable = files.flatMap((f) =>
    (SETTABLE[f.type as FileType] ?? []).map(([prop, values]) => ({ file: f.id, prop, values })),
  );
  let created: string[] = [];
  let incoming: string[] = [];
  const tokens: number[] = [];
  let booted = false;
  for (const g of genes) {
    const likely = g.m % 4 !== 0;
    let op: string = g.op;
    if (booted && incoming.length && likely) op = 'retrieveSession';
    if (op === 'retrieveSession' && !incoming.length && likely) op = 'createSession';
    const needsHandle = op === 'preserve' || op === 'retrieve' || op === 'finish';
    if ((needsHandle || op === 'closeSession') && named.length === 0) op = 'createSession';
    if (op === 'preserve' && files.length === 0) op = 'retrieve';
    if (op === 'set' && settable.length === 0) op = 'kexec';
    booted = false;
    const session = g.n % 3 ? named[named.length - 1]! : named[g.n % Math.max(1, named.length)]!;
    let step: Json;
    switch (op) {
      case 'createSession':
      case 'retrieveSession': {
        const create = op === 'createSession';
        const name =
          create || !incoming.length || !likely
            ? fresh(names, created, g.n)
            : incoming[g.n % incoming.length]!;
        if (create) created.push(name);
        const as = handles[g.m % handles.length]!;
        step = { op, name };
        if (as !== name) step.as = as;
        named.push(as);
        break;
      }
      case 'preserve':
        step = { op, session, file: files[g.m % files.length]!.id, token: g.token };
        tokens.push(g.token);
        break;
      case 'retrieve': {
        const token = tokens.length && likely ? tokens[g.n % tokens.length]! : g.token;
        step = { op, session, token };
        break;
      }
      case 'finish':
        step = g.reserved ? { op, session, reserved: g.reserved } : { op, session };
        break;
      case 'closeSession':
        step = { op, session };
        break;
      case 'set': {
        const s = settable[g.m % settable.length]!;
        step = { op, file: s.file, prop: s.prop, value: s.values[g.n % s.values.length] };
        break;
      }
      default:
        step = { op: 'kexec' };
        incoming = created;
        created = [];
        booted = true;
    }
    if (g.expect !== undefined) step.expect = g.expect;
    steps.push(step);
  }
  return steps;
}

/** Options of `traceJsonArb`. */
export interface TraceArbOptions {
  maxFiles?: number;
  maxSteps?: number;
}

/** The JSON value of a random valid document (validate it with `validateTrace`). */
export function traceJsonArb(options: TraceArbOptions = {}): fc.Arbitrary<Json> {
  const { maxFiles = 8, maxSteps = 24 } = options;
  return fc
    .record({
      title: fc.option(nastyStringArb, { nil: undefined }),
      variant: fc.constantFrom('A', 'B', 'C', 'D'),
      switches: fc.option(switchesArb, { nil: undefined }),
      files: fc.array(fileGene, { maxLength: maxFiles }),
      names: fc.array(nameArb, { minLength: 1, maxLength: 3 }),
      handles: fc.array(nameArb, { minLength: 1, maxLength: 3 }),
      steps: fc.array(stepGene, { maxLength: maxSteps }),
    })
    .map((r) => {
      const files = toFiles(r.files);
      const doc: Json = { format: TRACE_FORMAT };
      if (r.title !== undefined) doc.title = r.title;
      doc.variant = r.variant;
      if (r.switches !== undefined) doc.switches = r.switches;
      doc.files = files;
      doc.steps = toSteps(r.steps, files, r.names, r.handles);
      return doc;
    });
}

/** The fixed scenario of replay.test.ts: one file of every type, a cycle, a later boot. */
export const FIXED_FILES = [
  { id: 'vm', type: 'kvm-vm' },
  { id: 'g', type: 'guest_memfd', deps: ['vm'] },
  { id: 'c', type: 'kvm-vcpu', deps: ['vm'], running: false },
  { id: 'm', type: 'memfd', sealed: true },
  { id: 'm2', type: 'memfd', boot: 1 },
  { id: 'i', type: 'iommufd', deps: ['m', 'm2'] },
  { id: 'd', type: 'vfio-pci', deps: ['i'], irqsEnabled: true },
  { id: 'p', type: 'pipe' },
  { id: 'x', type: 'generic', deps: ['y'] },
  { id: 'y', type: 'generic', deps: ['x', 'g'], freezeError: null },
];

const FIXED_SETS: [string, string, fc.Arbitrary<unknown>][] = [
  ['m', 'sealed', fc.boolean()],
  ['c', 'running', fc.boolean()],
  ['d', 'irqsEnabled', fc.boolean()],
  ['d', 'bound', fc.boolean()],
  ['x', 'canFinish', fc.boolean()],
  ['y', 'freezeError', fc.constantFrom(null, 'EINVAL', 'EIO')],
];

const fixedHandle = fc.constantFrom('S', 'T', 'R');
const fixedName = fc.constantFrom('s', 't', '');
const fixedToken = fc.integer({ min: 1, max: 4 });
const fixedStep = fc.oneof(
  fc.record({ op: fc.constant('createSession'), name: fixedName, as: fixedHandle }),
  fc.record({ op: fc.constant('retrieveSession'), name: fixedName, as: fixedHandle }),
  fc.record({
    op: fc.constant('preserve'),
    session: fixedHandle,
    file: fc.constantFrom(...FIXED_FILES.map((f) => f.id)),
    token: fixedToken,
  }),
  fc.record({ op: fc.constant('retrieve'), session: fixedHandle, token: fixedToken }),
  fc.record({
    op: fc.constant('finish'),
    session: fixedHandle,
    reserved: fc.constantFrom(0, 0, 1),
  }),
  fc.record({ op: fc.constant('closeSession'), session: fixedHandle }),
  fc.record({ op: fc.constant('kexec') }),
  fc
    .constantFrom(...FIXED_SETS)
    .chain(([file, prop, value]) => value.map((v) => ({ op: 'set', file, prop, value: v }))),
);

const FIXED_PREFIX = [
  { op: 'createSession', name: 's', as: 'S' },
  { op: 'createSession', name: 't', as: 'T' },
  { op: 'retrieveSession', name: 's', as: 'R' },
];

/** A document over `FIXED_FILES`: any variant, switch overrides, up to `maxSteps` steps. */
export function fixedScenarioTraceArb(maxSteps = 40): fc.Arbitrary<Json> {
  return fc
    .tuple(
      fc.constantFrom('A', 'B', 'C', 'D'),
      switchesArb,
      fc.array(fixedStep, { maxLength: maxSteps }),
    )
    .map(([variant, switches, steps]) => ({
      format: TRACE_FORMAT,
      variant,
      switches,
      files: FIXED_FILES,
      steps: [...FIXED_PREFIX, ...steps],
    }));
}
