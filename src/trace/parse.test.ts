import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceDoc } from './index';
import { MAX_TRACE_BYTES, parseTrace, serializeTrace, validateTrace } from './index';

const FORMAT = 'luoscope/trace@1';

/** A valid document with these fields replaced. */
function doc(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: FORMAT,
    variant: 'A',
    files: [
      { id: 'vm', type: 'kvm-vm' },
      { id: 'gmem', type: 'guest_memfd', deps: ['vm'] },
    ],
    steps: [
      { op: 'createSession', name: 'vmm', as: 'S' },
      { op: 'preserve', session: 'S', file: 'vm', token: 1 },
    ],
    ...over,
  };
}

function error(value: unknown): string {
  const r = typeof value === 'string' ? parseTrace(value) : validateTrace(value);
  if (r.ok) throw new Error('accepted');
  return r.error;
}

const steps = (...more: unknown[]) => doc({ steps: [...(doc().steps as unknown[]), ...more] });
const files = (...more: unknown[]) => doc({ files: [...(doc().files as unknown[]), ...more] });

describe('parseTrace refuses a bad document with one line naming the first problem', () => {
  it.each<[string, unknown, string]>([
    [
      'text that is not JSON',
      '{"format": }',
      `(root): not JSON: Unexpected token '}', "{"format": }" is not valid JSON`,
    ],
    [
      'trailing text, with its position',
      '{}\n x',
      '(root): not JSON: Unexpected non-whitespace character after JSON at position 4 (line 2, column 2)',
    ],
    ['an empty file', '', '(root): not JSON: Unexpected end of JSON input'],
    [
      'a top level that is not an object',
      '[1, 2]',
      '(root): must be an object (a luoscope trace document), not an array',
    ],
    [
      'a wrong format',
      { ...doc(), format: 'luoscope/trace@2' },
      'format: must be "luoscope/trace@1" (got "luoscope/trace@2")',
    ],
    [
      'a missing format',
      { variant: 'A', files: [], steps: [] },
      'format: must be "luoscope/trace@1" (it is missing)',
    ],
    ['an unknown top-level field', { ...doc(), comment: 'hi' }, 'comment: unknown field'],
    ['a missing variant', { format: FORMAT, files: [], steps: [] }, 'variant: is required'],
    ['an unknown variant', doc({ variant: 'E' }), 'variant: must be one of "A", "B", "C", "D"'],
    [
      'a bad file id',
      files({ id: 'Vm2', type: 'kvm-vm' }),
      'files[2].id: "Vm2" is not a file id: must match [a-z][a-z0-9_-]{0,31}',
    ],
    [
      'a duplicate file id',
      files({ id: 'vm', type: 'memfd' }),
      'files[2].id: duplicate file id "vm"',
    ],
    [
      'an unknown file type',
      files({ id: 'x', type: 'socket' }),
      'files[2].type: must be one of "memfd", "kvm-vm", "guest_memfd", "kvm-vcpu", "iommufd", "vfio-pci", "pipe", "generic"',
    ],
    [
      'an unknown field in a file',
      files({ id: 'x', type: 'memfd', size: 4096 }),
      'files[2].size: unknown field',
    ],
    [
      'a dependency on an unknown file',
      doc({ files: [{ id: 'gmem', type: 'guest_memfd', deps: ['vmm'] }] }),
      'files[0].deps[0]: unknown file "vmm"',
    ],
    [
      'a dependency of the wrong type',
      files({ id: 'm', type: 'memfd' }, { id: 'g2', type: 'guest_memfd', deps: ['m'] }),
      'files[3].deps[0]: "m" is a memfd; guest_memfd takes exactly one kvm-vm',
    ],
    [
      'too few dependencies',
      files({ id: 'g2', type: 'guest_memfd' }),
      'files[2].deps: guest_memfd takes exactly one kvm-vm (got 0)',
    ],
    [
      'too many dependencies',
      files({ id: 'vm2', type: 'kvm-vm' }, { id: 'g2', type: 'guest_memfd', deps: ['vm', 'vm2'] }),
      'files[3].deps: guest_memfd takes exactly one kvm-vm (got 2)',
    ],
    [
      'a dependency listed twice',
      files({ id: 'x', type: 'generic', deps: ['vm', 'vm'] }),
      'files[2].deps[1]: "vm" is listed twice',
    ],
    [
      'a dependency of a pipe',
      files({ id: 'p', type: 'pipe', deps: ['vm'] }),
      'files[2].deps: pipe takes no dependencies (got 1)',
    ],
    [
      'a property the type lacks',
      files({ id: 'm', type: 'kvm-vm', sealed: true }),
      'files[2].sealed: kvm-vm has no property "sealed" (it has none)',
    ],
    [
      'a property value of the wrong kind',
      files({ id: 'x', type: 'generic', canFinish: 'yes' }),
      'files[2].canFinish: must be true or false',
    ],
    [
      'an errno written with a minus',
      files({ id: 'x', type: 'generic', freezeError: '-EINVAL' }),
      'files[2].freezeError: must be written without the minus sign: "EINVAL"',
    ],
    [
      'a negative boot',
      files({ id: 'x', type: 'memfd', boot: -1 }),
      'files[2].boot: must not be negative',
    ],
    [
      'a cycle through a non-generic file',
      doc({
        files: [
          { id: 'a', type: 'generic', deps: ['v'] },
          { id: 'v', type: 'vfio-pci', deps: ['a'] },
        ],
      }),
      'files[0].deps[0]: dependency cycle through "v", which is not generic (only generic files may form cycles)',
    ],
    [
      'an unknown op',
      steps({ op: 'unpreserve', session: 'S', token: 1 }),
      'steps[2].op: must be one of "createSession", "preserve", "closeSession", "kexec", "retrieveSession", "retrieve", "finish", "set", "freezeSession", "getSessionName", "openDevice", "closeDevice"',
    ],
    ['a step without op', steps({ session: 'S' }), 'steps[2].op: is required'],
    [
      'a field the op does not take',
      steps({ op: 'kexec', session: 'S' }),
      'steps[2].session: unknown field',
    ],
    ['a missing field', steps({ op: 'retrieve', session: 'S' }), 'steps[2].token: is required'],
    [
      'a non-integer token',
      steps({ op: 'preserve', session: 'S', file: 'gmem', token: 1.5 }),
      'steps[2].token: must be an integer',
    ],
    [
      'a token given as a string',
      steps({ op: 'preserve', session: 'S', file: 'gmem', token: '2' }),
      'steps[2].token: must be an integer',
    ],
    [
      'a negative token',
      steps({ op: 'retrieve', session: 'S', token: -1 }),
      'steps[2].token: must not be negative',
    ],
    [
      'a token of 2^53',
      steps({ op: 'retrieve', session: 'S', token: 2 ** 53 }),
      'steps[2].token: must be less than 2^53',
    ],
    [
      'a negative reserved',
      steps({ op: 'finish', session: 'S', reserved: -1 }),
      'steps[2].reserved: must not be negative',
    ],
    [
      'a handle never named',
      steps({ op: 'finish', session: 'S1' }),
      'steps[2].session: unknown session handle "S1" (no earlier createSession or retrieveSession names it)',
    ],
    [
      'a handle named only later',
      doc({
        steps: [
          { op: 'closeSession', session: 'S' },
          { op: 'createSession', name: 'S' },
        ],
      }),
      'steps[0].session: unknown session handle "S" (no earlier createSession or retrieveSession names it)',
    ],
    [
      'a step on an unknown file',
      steps({ op: 'preserve', session: 'S', file: 'vcpu', token: 3 }),
      'steps[2].file: unknown file "vcpu"',
    ],
    [
      'a set of a property the type lacks',
      steps({ op: 'set', file: 'vm', prop: 'running', value: false }),
      'steps[2].prop: kvm-vm has no property "running" (it has none)',
    ],
    [
      'a set of an unknown property',
      steps({ op: 'set', file: 'vm', prop: 'colour', value: 1 }),
      'steps[2].prop: must be one of "sealed", "hugetlb", "running", "hwptRestored", "irqsEnabled", "bound", "freezeError", "canFinish"',
    ],
    [
      'a set with a value of the wrong kind',
      doc({
        files: [{ id: 'x', type: 'generic' }],
        steps: [{ op: 'set', file: 'x', prop: 'freezeError', value: true }],
      }),
      'steps[0].value: freezeError of generic must be an errno name or null',
    ],
    [
      'an unknown expected result',
      steps({ op: 'kexec', expect: 'EWHATEVER' }),
      'steps[2].expect: must be "ok", "hang" or an errno name (E2BIG, EAGAIN, EBADF, EBUSY, EEXIST, EFAULT, EINVAL, EIO, ENODATA, ENODEV, ENOENT, ENOMEM, ENOSPC, ENOTTY, EOPNOTSUPP, EPERM)',
    ],
    [
      'an unknown switch',
      doc({ switches: { lookup: 'freeze' } }),
      'switches.lookup: unknown field',
    ],
    [
      'a bad switch value',
      doc({ switches: { depLookupPhase: 'retrieve' } }),
      'switches.depLookupPhase: must be one of "preserve", "freeze"',
    ],
    [
      'a switch errno with a minus',
      doc({ switches: { strictErrno: '-ENOENT' } }),
      'switches.strictErrno: must be written without the minus sign: "ENOENT"',
    ],
    [
      'a bad fileLimit',
      doc({ switches: { fileLimit: 'lots' } }),
      'switches.fileLimit: must be a non-negative integer or "unlimited"',
    ],
    [
      'a negative fileLimit',
      doc({ switches: { fileLimit: -1 } }),
      'switches.fileLimit: must not be negative',
    ],
    [
      'a bad stickyRetrieveErrors',
      doc({ switches: { stickyRetrieveErrors: 'on' } }),
      'switches.stickyRetrieveErrors: must be true, false, "all" or "retryable"',
    ],
    ['a title that is not text', doc({ title: 42 }), 'title: must be a string'],
    [
      'files that are not a list',
      doc({ files: { vm: 'kvm-vm' } }),
      'files: must be an array of files',
    ],
    ['a step that is not an object', steps('kexec'), 'steps[2]: must be an object (a step)'],
  ])('%s', (_kind, input, message) => {
    expect(error(input)).toBe(message);
  });

  it('refuses more than 1 MiB of text', () => {
    const big = JSON.stringify({ ...doc(), title: 'x'.repeat(MAX_TRACE_BYTES) });
    expect(error(big)).toBe(
      `(root): document is ${big.length} bytes; at most 16777216 (16 MiB, MAX_TRACE_BYTES) are accepted`,
    );
  });

  it('counts bytes, not characters', () => {
    const title = 'é'.repeat(MAX_TRACE_BYTES / 2);
    const text = JSON.stringify({ ...doc(), title });
    expect(text.length).toBeLessThan(MAX_TRACE_BYTES);
    expect(error(text)).toMatch(/^\(root\): document is \d+ bytes; at most 16777216/);
  });

  it('refuses more than 4,096 files and more than 100,000 steps, naming the limit', () => {
    const many = Array.from({ length: 4097 }, (_, i) => ({ id: `m${i}`, type: 'memfd' }));
    expect(error({ ...doc({}), files: many, steps: [] })).toBe(
      'files: a document may declare at most 4096 files (MAX_FILES)',
    );
    const kexecs = Array.from({ length: 100_001 }, () => ({ op: 'kexec' }));
    expect(error(doc({ steps: kexecs }))).toBe(
      'steps: a document may hold at most 100000 steps (MAX_STEPS)',
    );
  });

  it('reports the first problem in document order, shape or semantic', () => {
    const both = doc({
      files: [{ id: 'gmem', type: 'guest_memfd', deps: ['vmm'] }],
      steps: [{ op: 'preserve', session: 'S', file: 'gmem', token: 'x' }],
    });
    expect(error(both)).toBe('files[0].deps[0]: unknown file "vmm"');
    const stepsFirst = { format: FORMAT, variant: 'A', steps: both.steps, files: both.files };
    expect(error(stepsFirst)).toBe(
      'steps[0].session: unknown session handle "S" (no earlier createSession or retrieveSession names it)',
    );
    // A missing field is noticed at the end of its object, after the fields it has.
    expect(error(steps({ op: 'preserve', session: 'S', token: 'x' }))).toBe(
      'steps[2].token: must be an integer',
    );
  });

  it('keeps the message on one line', () => {
    const e = error(steps({ op: 'finish', session: 'a\nb' }));
    expect(e).toBe(
      'steps[2].session: unknown session handle "a\\nb" (no earlier createSession or retrieveSession names it)',
    );
    expect(error('{\n"format":\n}')).not.toMatch(/\n/);
  });

  it('quotes odd field names in the path', () => {
    expect(error({ ...doc(), 'my field': 1 })).toBe('["my field"]: unknown field');
  });
});

describe('parseTrace accepts a valid document', () => {
  it('fills defaults and keeps only declared properties', () => {
    const r = validateTrace(
      doc({
        files: [
          { id: 'vm', type: 'kvm-vm' },
          { id: 'm', type: 'memfd', sealed: false, boot: 1 },
        ],
        steps: [
          { op: 'createSession', name: 'vmm' },
          { op: 'retrieveSession', name: 'vmm', as: 'S1', expect: 'ENOENT' },
          { op: 'finish', session: 'vmm' },
          { op: 'set', file: 'm', prop: 'sealed', value: true },
        ],
      }),
    );
    expect(r).toEqual({
      ok: true,
      doc: {
        variant: 'A',
        switches: {},
        files: [
          { id: 'vm', type: 'kvm-vm', deps: [], boot: 0 },
          { id: 'm', type: 'memfd', deps: [], boot: 1, sealed: false },
        ],
        steps: [
          { op: 'createSession', name: 'vmm', as: 'vmm' },
          { op: 'retrieveSession', name: 'vmm', as: 'S1', expect: 'ENOENT' },
          { op: 'finish', session: 'vmm', reserved: 0 },
          { op: 'set', file: 'm', prop: 'sealed', value: true },
        ],
      },
    });
  });

  it('reads "on"/"off" switches as booleans and keeps only the overrides', () => {
    const r = validateTrace(
      doc({
        switches: { doublePreserveCheck: 'off', sessionDirectionCheck: 'on', fileLimit: 128 },
      }),
    );
    expect(r.ok && r.doc.switches).toEqual({
      doublePreserveCheck: false,
      sessionDirectionCheck: true,
      fileLimit: 128,
    });
  });

  it('allows dependency cycles among generic files and forward references', () => {
    const r = validateTrace(
      doc({
        files: [
          { id: 'a', type: 'generic', deps: ['b'] },
          { id: 'b', type: 'generic', deps: ['a', 'b'] },
        ],
        steps: [],
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('accepts a byte-order mark and a token of 2^53 - 1', () => {
    const text = JSON.stringify(steps({ op: 'retrieve', session: 'S', token: 2 ** 53 - 1 }));
    expect(parseTrace(`\uFEFF${text}`).ok).toBe(true);
  });
});

describe('serializeTrace', () => {
  it('omits defaults and writes one file or step per line', () => {
    const r = validateTrace(
      doc({
        title: 'demo',
        switches: { fileLimit: 'unlimited' },
        steps: [
          { op: 'createSession', name: 'vmm', as: 'vmm' },
          { op: 'finish', session: 'vmm', reserved: 0 },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(serializeTrace(r.doc)).toBe(
      [
        '{',
        '  "format": "luoscope/trace@1",',
        '  "title": "demo",',
        '  "variant": "A",',
        '  "switches": { "fileLimit": "unlimited" },',
        '  "files": [',
        '    { "id": "vm", "type": "kvm-vm" },',
        '    { "id": "gmem", "type": "guest_memfd", "deps": ["vm"] }',
        '  ],',
        '  "steps": [',
        '    { "op": "createSession", "name": "vmm" },',
        '    { "op": "finish", "session": "vmm" }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('round-trips random valid documents: parse(serialize(doc)) equals doc', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9_-]{0,5}$/);
    const errnoOrNull = fc.constantFrom(null, 'EINVAL', 'EBUSY');
    const file = fc.record(
      {
        id,
        type: fc.constantFrom('memfd', 'kvm-vm', 'generic', 'pipe'),
        boot: fc.nat(3),
        freezeError: errnoOrNull,
        canFinish: fc.boolean(),
        sealed: fc.boolean(),
      },
      { requiredKeys: ['id', 'type'] },
    );
    const handle = fc.constantFrom('S', 'S1', 'vmm');
    const token = fc.oneof(fc.nat(10), fc.constant(2 ** 53 - 1));
    const result = fc.constantFrom(undefined, 'ok', 'ENOENT');
    const step = fc.oneof(
      fc.record({ op: fc.constant('createSession'), name: handle, as: fc.option(handle) }),
      fc.record({ op: fc.constant('retrieveSession'), name: handle, as: fc.option(handle) }),
      fc.record({ op: fc.constant('retrieve'), session: handle, token }),
      fc.record({ op: fc.constant('finish'), session: handle, reserved: fc.nat(2) }),
      fc.record({ op: fc.constant('closeSession'), session: handle }),
      fc.record({ op: fc.constant('kexec') }),
    );
    const raw = fc.record({
      title: fc.option(fc.string()),
      variant: fc.constantFrom('A', 'B', 'C', 'D'),
      switches: fc.record(
        {
          fileLimit: fc.oneof(fc.nat(200), fc.constant('unlimited')),
          stickyRetrieveErrors: fc.constantFrom(true, false, 'all'),
          doublePreserveCheck: fc.constantFrom(true, false, 'on', 'off'),
        },
        { requiredKeys: [] },
      ),
      files: fc.uniqueArray(file, { selector: (f) => f.id, maxLength: 5 }),
      steps: fc.array(fc.tuple(step, result), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(raw, (r) => {
        const files = r.files.map((f) => {
          const out: Record<string, unknown> = { id: f.id, type: f.type, boot: f.boot };
          if (f.type === 'generic') Object.assign(out, { freezeError: f.freezeError });
          if (f.type === 'generic' && f.canFinish !== undefined) out.canFinish = f.canFinish;
          if (f.type === 'memfd' && f.sealed !== undefined) out.sealed = f.sealed;
          return out;
        });
        const steps = [
          { op: 'createSession', name: 'S' },
          { op: 'createSession', name: 'x', as: 'S1' },
          { op: 'createSession', name: 'vmm' },
          ...r.steps.map(([s, expect]) => {
            const clean = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== null));
            return expect === undefined ? clean : { ...clean, expect };
          }),
        ];
        const input = { format: FORMAT, variant: r.variant, switches: r.switches, files, steps };
        if (r.title !== null) Object.assign(input, { title: r.title });
        const first = validateTrace(input);
        if (!first.ok) throw new Error(first.error);
        const again = parseTrace(serializeTrace(first.doc));
        expect(again).toEqual(first);
        const back: TraceDoc = again.ok ? again.doc : first.doc;
        expect(serializeTrace(back)).toBe(serializeTrace(first.doc));
      }),
      { numRuns: 300 },
    );
  });
});
