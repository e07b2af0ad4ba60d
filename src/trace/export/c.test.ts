import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedScenarioTraceArb, nastyStringArb, traceJsonArb } from '../arbitraries';
import { HTML_TRACE } from '../badInputs';
import { vmFullWalkthrough } from '../fixtures';
import type { TraceDoc } from '../index';
import { LIVEUPDATE_UAPI_H, exportC, replayText, replayTrace, validateTrace } from '../index';
import { stagesOf, traceHash } from '../conform/identity';
import { cString, commentText } from './cSyntax';

const VECTORS = join(__dirname, '..', '..', '..', 'vectors');
const GCC = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).status === 0;
if (!GCC) console.warn('gcc not found: C export compile check skipped');
const withGcc = GCC ? it : it.skip;

const dir = mkdtempSync(join(tmpdir(), 'luoscope-c-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function valid(json: unknown): TraceDoc {
  const parsed = validateTrace(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}

const c = (doc: TraceDoc) => exportC(doc, replayTrace(doc));

/** Writes the sources and checks them in one gcc run; returns gcc's output on failure. */
function syntaxCheck(sources: Map<string, string>): { ok: boolean; output: string } {
  const paths = [...sources].map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const r = spawnSync('gcc', ['-fsyntax-only', '-Wall', '-Werror', ...paths], {
    encoding: 'utf8',
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

describe('exportC compiles with gcc -fsyntax-only -Wall -Werror', () => {
  withGcc('every vector, the vm-full walk-through and HTML in every free-text field', () => {
    const sources = new Map<string, string>();
    for (const name of readdirSync(VECTORS).filter((f) => f.endsWith('.json'))) {
      const replayed = replayText(readFileSync(join(VECTORS, name), 'utf8'));
      if (!replayed.ok) throw new Error(replayed.error);
      sources.set(name.replace(/\.json$/, '.c'), exportC(replayed.doc, replayed.result));
    }
    sources.set('vm-full.c', c(vmFullWalkthrough()));
    sources.set('html.c', c(valid(HTML_TRACE)));
    const r = syntaxCheck(sources);
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  withGcc('25 random documents (nasty titles, names and handles; every file type)', () => {
    const seed = Date.now() % 2 ** 31;
    const docs = [
      ...fc.sample(traceJsonArb({ maxSteps: 40 }), { numRuns: 20, seed }),
      ...fc.sample(fixedScenarioTraceArb(40), { numRuns: 5, seed }),
    ];
    const sources = new Map(docs.map((json, i) => [`random-${i}.c`, c(valid(json))]));
    const r = syntaxCheck(sources);
    expect(r.output, `fast-check seed ${seed}`).toBe('');
    expect(r.ok).toBe(true);
  });

  withGcc('the vm-full reproducer builds, runs, and skips (exit 4) without /dev/liveupdate', () => {
    const source = join(dir, 'repro.c');
    const binary = join(dir, 'repro');
    writeFileSync(source, c(vmFullWalkthrough()));
    const build = spawnSync('gcc', ['-Wall', '-Werror', '-O2', '-o', binary, source], {
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    if (existsSync('/dev/liveupdate')) return;
    const run = spawnSync(binary, [], { encoding: 'utf8' });
    expect(run.status).toBe(4);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('TAP version 13');
    expect(lines).toContain(`# trace: sha256:${traceHash(vmFullWalkthrough())}`);
    expect(lines).toContain(
      '# stage: none (cannot open /dev/liveupdate: No such file or directory)',
    );
    expect(lines).toContain('1..30');
    expect(lines).toContain('ok 2 - PRESERVE_FD(S, gmem, token=4) # SKIP no /dev/liveupdate');
    expect(lines.filter((l) => l.endsWith(' # SKIP no /dev/liveupdate'))).toHaveLength(30);
    expect(lines.at(-1)).toBe('# Totals: pass:0 fail:0 xfail:0 xpass:0 skip:30 error:0');
  });

  withGcc('the uAPI header compiles alone, with the ioctl numbers of SEMANTICS 1.1', () => {
    const source = join(dir, 'uapi.c');
    const binary = join(dir, 'uapi');
    writeFileSync(
      source,
      `${LIVEUPDATE_UAPI_H}
#include <stdio.h>
int main(void)
{
	printf("%lx %lx %lx %lx %lx %zu %zu %zu\\n",
	       (unsigned long)LIVEUPDATE_IOCTL_CREATE_SESSION,
	       (unsigned long)LIVEUPDATE_IOCTL_RETRIEVE_SESSION,
	       (unsigned long)LIVEUPDATE_SESSION_PRESERVE_FD,
	       (unsigned long)LIVEUPDATE_SESSION_RETRIEVE_FD,
	       (unsigned long)LIVEUPDATE_SESSION_FINISH,
	       sizeof(struct liveupdate_ioctl_create_session),
	       sizeof(struct liveupdate_session_preserve_fd),
	       sizeof(struct liveupdate_session_finish));
	return 0;
}
`,
    );
    const build = spawnSync('gcc', ['-Wall', '-Werror', '-o', binary, source], {
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(spawnSync(binary, [], { encoding: 'utf8' }).stdout).toBe(
      'ba00 ba01 ba40 ba41 ba42 72 16 8\n',
    );
  });
});

describe('exportC, without a compiler', () => {
  it('is deterministic and checks every step once, with its replayed errno', () => {
    fc.assert(
      fc.property(traceJsonArb(), (json) => {
        const doc = valid(json);
        const result = replayTrace(doc);
        const source = exportC(doc, result);
        expect(exportC(valid(json), replayTrace(valid(json)))).toBe(source);
        expect(source).toMatch(/^[\x20-\x7e\t\n]*$/);
        const kexecs = result.steps.filter((s) => s.op === 'kexec' && s.result === 'ok').length;
        expect(source.match(/^static void stage_\d+\(void\)$/gm)).toHaveLength(kexecs + 1);
        const stages = stagesOf(result);
        for (const r of result.steps) {
          const errno = r.result === 'ok' ? '0' : `-${r.result}`;
          const n = r.index + 1;
          // A kexec that ends its stage prints the stage's stream, then reboots (kexec_into).
          const line =
            r.op === 'kexec' && r.result === 'ok'
              ? new RegExp(`^\\tkexec_into\\(${n}, ${stages[r.index]! + 1}\\);$`, 'gm')
              : new RegExp(
                  `^\\t(check|skip)\\(${n}, "(?:[^"\\\\]|\\\\.)*", [^\\n]*${errno}\\);$`,
                  'gm',
                );
          expect(source.match(line), `step ${n}`).toHaveLength(1);
        }
        expect(source).toContain(`#define TRACE_STEPS ${result.steps.length}\n`);
        expect(source).toContain(`#define TRACE_SHA256 "${traceHash(doc)}"\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('names the files the VMM must create, with helpers or marked stubs', () => {
    const source = c(vmFullWalkthrough());
    expect(source).toContain(' * vm (kvm-vm): a KVM VM fd: open("/dev/kvm") + KVM_CREATE_VM.');
    expect(source).toContain(' * gmem (guest_memfd of vm): guest memory: KVM_CREATE_GUEST_MEMFD');
    expect(source).toContain(' * iommu (iommufd of ram): STUB:');
    expect(source).toContain('\tfd_gmem = make_guest_memfd(fd_vm);');
    expect(source).toContain('\tfd_ram = make_memfd("ram", 1);');
    expect(source).toContain('\tfd_vcpu1 = make_kvm_vcpu(fd_vm, 1);');
    expect(source).toMatch(/static __maybe_unused int make_iommufd\(void\)\n\{\n\treturn -1;\n\}/);
    expect(source).toContain('#ifndef LIVEUPDATE_IOCTL_CREATE_SESSION');
    expect(source).toContain('#define LIVEUPDATE_SESSION_NAME_LENGTH\t64');
  });

  it('writes each step as the ioctl and its check, retrieved fds into the right variable', () => {
    const source = c(vmFullWalkthrough());
    for (const text of [
      '\tret = luo_create_session("vmm", 3);\n\tcheck(1, "CREATE_SESSION(\\"vmm\\") -> S", ret, 0);\n\tsess_S = ret >= 0 ? ret : -1;',
      '\tret = luo_preserve_fd(sess_S, fd_gmem, 4ULL);\n\tcheck(2, "PRESERVE_FD(S, gmem, token=4)", ret, -ENOENT);',
      '\tret = luo_kexec();\n\tcheck(13, "reboot(KEXEC)", ret, -EINVAL);',
      '\tkexec_into(15, 2);',
      '\tret = luo_retrieve_fd(sess_S1, 4ULL);\n\tcheck(20, "RETRIEVE_FD(S1, token=4)", ret, 0);\n\tif (ret >= 0)\n\t\tfd_gmem = ret;',
      '\tret = luo_finish(sess_S1, 0U);\n\tcheck(23, "FINISH(S1)", ret, -EBUSY);',
      '\tskip(6, "stop vcpu0 (leave KVM_RUN)", "this program never runs the vCPU (KVM_RUN)", 0);',
      '\tret = close_fd(sess_S1);\n\tcheck(30, "close(S1)", ret, 0);\n\tsess_S1 = -1;',
    ]) {
      expect(source).toContain(text);
    }
  });

  it('one stage per boot: three boots, three stages, each kexec saves the next', () => {
    const doc = valid({
      format: 'luoscope/trace@1',
      variant: 'A',
      files: [{ id: 'm1', type: 'memfd' }],
      steps: [
        { op: 'createSession', name: 'luoscope-stage' },
        { op: 'preserve', session: 'luoscope-stage', file: 'm1', token: 1 },
        { op: 'kexec' },
        { op: 'retrieveSession', name: 'luoscope-stage', as: 'R' },
        { op: 'retrieve', session: 'R', token: 1 },
        { op: 'kexec' },
      ],
    });
    const source = c(doc);
    expect(source.match(/^static void stage_\d\(void\)$/gm)).toEqual([
      'static void stage_1(void)',
      'static void stage_2(void)',
      'static void stage_3(void)',
    ]);
    expect(source).toContain('\tkexec_into(3, 2);');
    expect(source).toContain('\tkexec_into(6, 3);');
    expect(source).toContain('\tbegin_stage(4);');
    expect(source).toContain('\tprintf("# nothing to do in this boot\\n");');
    // The document uses the stage session's usual name: the program takes another.
    expect(source).toContain('#define STAGE_SESSION "luoscope-stage-2"');
    expect(source).toContain('\t\tfd_m1 = ret;');
  });

  it('makes identifiers of any handle and literals of any name', () => {
    const source = c(valid(HTML_TRACE));
    expect(source).toContain('static __maybe_unused int sess__b_S__b_ = -1;');
    expect(source).toContain('luo_create_session("<img src=x onerror=alert(1)>", 28)');
    expect(source).toContain(' * luoscope reproducer: <script>alert(1)</script>');
  });
});

describe('C text', () => {
  it('string literals: quotes, backslashes, ? (no trigraphs), other bytes in octal', () => {
    expect(cString('a"b\\c??=d')).toEqual({ literal: '"a\\"b\\\\c\\?\\?=d"', bytes: 9 });
    expect(cString('\u00e9\n\u0000')).toEqual({ literal: '"\\303\\251\\012\\000"', bytes: 4 });
  });

  it('comments: no */ or /* survives, no ?? pair, printable ASCII only', () => {
    expect(commentText('*/ int x; /* ??/ caf\u00e9')).toBe('* / int x; / * ? ?/ cafe');
    fc.assert(
      fc.property(nastyStringArb, fc.string({ unit: 'binary' }), (a, b) => {
        const text = commentText(`${a}${b}`);
        expect(text).toMatch(/^[\x20-\x7e]*$/);
        expect(text).not.toMatch(/\*\/|\/\*|\?\?/);
      }),
    );
  });
});
