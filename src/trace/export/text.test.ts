import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedScenarioTraceArb, traceJsonArb } from '../arbitraries';
import { vmFullWalkthrough } from '../fixtures';
import type { TraceDoc } from '../index';
import {
  LUOSCOPE_VERSION,
  exportText,
  replayText,
  replayTrace,
  shareUrl,
  validateTrace,
} from '../index';
import { ioctlText, toAscii } from './describe';
import { TEXT_WIDTH, wrap } from './text';

const ROOT = join(__dirname, '..', '..', '..');
const VECTORS = join(ROOT, 'vectors');
const BASE = 'https://luoscope.example.org/';

function valid(json: unknown): TraceDoc {
  const parsed = validateTrace(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

function exported(doc: TraceDoc): string {
  return exportText(doc, replayTrace(doc), shareUrl(BASE, doc));
}

/** Each numbered step with the lines beneath it, joined by single spaces. */
function stepBlocks(text: string): string[] {
  const blocks: string[] = [];
  const lines = text.split('\n');
  const first = lines.findIndex((l) => /^Steps \(\d+\):$/.test(l));
  for (const line of lines.slice(first + 1)) {
    if (line === '') break;
    if (/^ *\d+\. /.test(line)) blocks.push(line.trim());
    else blocks[blocks.length - 1] += ` ${line.trim()}`;
  }
  return blocks;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The properties every export has: ASCII, 72 columns but for the last line, the link. */
function checkShape(doc: TraceDoc, text: string) {
  expect(text).toMatch(/^[\x20-\x7e\n]*\n$/);
  const lines = text.slice(0, -1).split('\n');
  const link = lines.pop()!;
  expect(link).toBe(shareUrl(BASE, doc));
  expect(lines.at(-1)).toBe('Replay it in luoscope:');
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(TEXT_WIDTH);
  for (const line of lines) expect(line, 'no trailing space').not.toMatch(/ $/);
}

describe('exportText: any valid trace', () => {
  const property = (json: Record<string, unknown>) => {
    const doc = valid(json);
    const text = exported(doc);
    checkShape(doc, text);
    expect(exported(valid(json))).toBe(text);
  };

  it('is printable ASCII, every line but the link at most 72 columns, deterministic', () => {
    fc.assert(fc.property(traceJsonArb(), property), { numRuns: 300 });
    fc.assert(fc.property(fixedScenarioTraceArb(30), property), { numRuns: 100 });
  });

  it('numbers every step and gives its result as an errno', () => {
    fc.assert(
      fc.property(traceJsonArb(), (json) => {
        const doc = valid(json);
        const blocks = stepBlocks(exported(doc));
        expect(blocks).toHaveLength(doc.steps.length);
        replayTrace(doc).steps.forEach((r) => {
          const errno = r.result === 'ok' ? '0' : `-${r.result}`;
          expect(blocks[r.index]!.startsWith(`${r.index + 1}. `)).toBe(true);
          expect(blocks[r.index]).toContain(` = ${errno}`);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('exportText of the vectors', () => {
  const files = readdirSync(VECTORS).filter((f) => f.endsWith('.json'));

  it.each(files)('%s: every step with its result, reason and callbacks', (name) => {
    const replayed = replayText(readFileSync(join(VECTORS, name), 'utf8'));
    if (!replayed.ok) throw new Error(replayed.error);
    const { doc, result } = replayed;
    const text = exportText(doc, result, shareUrl(BASE, doc));
    checkShape(doc, text);
    const blocks = stepBlocks(text);
    expect(blocks).toHaveLength(result.steps.length);
    for (const r of result.steps) {
      const errno = r.result === 'ok' ? '0' : `-${r.result}`;
      const block = blocks[r.index]!;
      const call = `${r.index + 1}. ${toAscii(ioctlText(doc.steps[r.index]!))} = ${errno}`;
      expect(block.startsWith(squash(call))).toBe(true);
      expect(block).toContain(squash(toAscii(r.reason)));
      for (const c of r.callbacks) expect(block).toContain(`${c.cb}(${c.file}`);
    }
    expect(text).toContain('  expect mismatches: none\n');
  });
});

describe('exportText, line by line', () => {
  const doc = vmFullWalkthrough();
  const lines = exported(doc).split('\n');

  it('starts with the title, the version, the variant, the switches and the files', () => {
    expect(lines.slice(0, 13)).toEqual([
      'Trace: vm-full: a whole VM across one live update',
      `Replayed by luoscope ${LUOSCOPE_VERSION} (luoscope/trace@1)`,
      'Variant A: the seed patch: dependency looked up at preserve, implicit',
      '  retrieval',
      "Switches: variant A's defaults",
      'Files:',
      '  vm     kvm-vm',
      '  vcpu0  kvm-vcpu, deps vm, running',
      '  vcpu1  kvm-vcpu, deps vm, running',
      '  gmem   guest_memfd, deps vm',
      '  ram    memfd, sealed',
      '  iommu  iommufd, deps ram',
      '  nic    vfio-pci, deps iommu, irqsEnabled',
    ]);
  });

  it('writes each step as the syscall, its errno, the reason, the callbacks beneath', () => {
    const at = lines.indexOf(' 13. reboot(KEXEC) = -EINVAL');
    // guest_memfd's soleen copy (variant A) has no .freeze, no handler .unfreeze (C2).
    expect(lines.slice(at, at + 9)).toEqual([
      ' 13. reboot(KEXEC) = -EINVAL',
      '     vfio-pci.freeze: interrupts still enabled -> -EINVAL, kexec',
      '     aborted; freeze of "nic" in session "vmm" failed: frozen files',
      '     unfrozen, reboot() returns -EINVAL, the system keeps running and',
      '     every session stays preserved',
      '         freeze(vcpu0) = 0',
      '         freeze(vcpu1) = 0',
      '         freeze(ram) = 0',
      '         freeze(nic) = -EINVAL',
    ]);
    for (const call of [
      '  1. CREATE_SESSION("vmm") -> S = 0',
      '  2. PRESERVE_FD(S, gmem, token=4) = -ENOENT',
      '  6. stop vcpu0 (leave KVM_RUN) = 0',
      ' 14. VFIO_DEVICE_SET_IRQS(nic, disable) = 0',
      ' 16. RETRIEVE_SESSION("vmm") -> S1 = 0',
      ' 17. RETRIEVE_FD(S1, token=1) = 0',
      ' 23. FINISH(S1) = -EBUSY',
      ' 25. VFIO_DEVICE_BIND_IOMMUFD(nic) = 0',
      ' 27. KVM_RUN(vcpu0) = 0',
      ' 30. close(S1) = 0',
      '         finish(vm, retrieve_status=1) = 0',
    ]) {
      expect(lines).toContain(call);
    }
  });

  it('ends with the outcome and the link alone on the last line', () => {
    expect(lines.slice(-10)).toEqual([
      'Outcome:',
      '  successful kexecs: 1',
      '  orphans: none',
      '  data loss: none',
      '  stuck sessions: none',
      '  expect mismatches: none',
      '',
      'Replay it in luoscope:',
      shareUrl(BASE, doc),
      '',
    ]);
  });
});

describe('exportText details', () => {
  const base = {
    format: 'luoscope/trace@1',
    variant: 'B',
    files: [
      { id: 'vm', type: 'kvm-vm' },
      { id: 'g', type: 'guest_memfd', deps: ['vm'] },
      { id: 'm2', type: 'memfd', sealed: false, boot: 1 },
      { id: 'x', type: 'generic', freezeError: 'EIO', canFinish: true },
    ],
    steps: [
      { op: 'createSession', name: 's' },
      { op: 'preserve', session: 's', file: 'vm', token: 1, expect: 'EBUSY' },
    ],
  };

  it('lists only the switches that differ from the variant, and non-default properties', () => {
    const doc = valid({
      ...base,
      switches: { strictErrno: 'ENOENT', fileLimit: 128, incomingDepPolicy: 'strict' },
    });
    const text = exportText(doc, replayTrace(doc), '');
    expect(text).toContain(
      '\nSwitches changed from variant B: strictErrno=ENOENT, fileLimit=128\n',
    );
    expect(text).toContain('\n  m2  memfd, created in boot 1\n');
    expect(text).toContain('\n  x   generic, freezeError=EIO\n');
  });

  it('marks a step whose expect did not hold, and lists it in the outcome', () => {
    const doc = valid(base);
    const text = exportText(doc, replayTrace(doc), '');
    expect(text).toContain('\n 2. PRESERVE_FD(s, vm, token=1) = 0 (MISMATCH: expected -EBUSY)\n');
    expect(text).toContain('  expect mismatches: step 2 expected -EBUSY, got 0\n');
  });

  it('without a link, ends with the outcome', () => {
    const doc = valid(base);
    expect(exportText(doc, replayTrace(doc), '')).toMatch(/expect mismatches: [^\n]*\n$/);
  });

  it('transliterates or escapes what is not printable ASCII', () => {
    const title = 'caf\u00e9 \u2014 \u201cquoted\u201d \u2192 \u{1f680}\nnext\u001b[31m\u0000';
    const doc = valid({ ...base, title, steps: [{ op: 'createSession', name: 'na\u00efve\t' }] });
    const text = exportText(doc, replayTrace(doc), '');
    expect(text.split('\n')[0]).toBe(
      'Trace: cafe -- "quoted" -> \\u{1f680}\\nnext\\u001b[31m\\u0000',
    );
    expect(text).toContain('\n 1. CREATE_SESSION("naive\\t") -> "naive\\t" = 0\n');
  });

  it('wraps with a hanging indent and cuts words longer than a line', () => {
    expect(wrap(`${'a '.repeat(40)}b`, '  1. ', '     ')).toEqual([
      `  1. ${'a '.repeat(33)}a`,
      `     ${'a '.repeat(6)}b`,
    ]);
    const long = wrap('x'.repeat(150), '> ', '  ');
    expect(long.map((l) => l.length)).toEqual([72, 72, 12]);
    expect(long.join('').replace(/[> ]/g, '')).toBe('x'.repeat(150));
  });
});

describe('LUOSCOPE_VERSION', () => {
  it('is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(LUOSCOPE_VERSION).toBe(pkg.version);
  });
});
