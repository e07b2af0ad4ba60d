/**
 * The export as a C reproducer, shaped like the kernel's liveupdate selftests
 * (tools/testing/selftests/liveupdate/luo_kexec_simple.c): one self-contained .c file that
 * compiles with the uAPI of SEMANTICS §1.1 written in (under `#ifndef` guards), one stage per
 * boot (stage 1 before the first kexec, stage N after the (N-1)th), each step the ioctl with a
 * check of the errno luoscope's replay gave it. Each stage prints a TAP stream as the kernel's
 * selftests do (`TAP version 13`, comment lines naming the trace hash, the expectations and
 * `uname -r`, the plan `1..<steps>`, one `ok N`/`not ok N` per step of the trace numbered as in
 * the trace, `# SKIP` for the steps another stage runs, `# Totals`); see `../conform/` for the
 * format, which the importer reads back. Files are made by small helpers where that is simple
 * (memfd, VM, guest_memfd, vCPU, pipe) and by marked stubs where it is not (iommufd, vfio,
 * generic).
 */
import type { FileId, FileSpec, LuoState, Result, Switches } from '../../engine';
import { changedSwitches, fileProps, step } from '../../engine';
import type { TraceDoc, TraceStep } from '../parse';
import type { ReplayResult } from '../replay';
import { engineStep, initialState } from '../replay';
import { TRACE_FORMAT } from '../schema';
import { LUOSCOPE_VERSION } from '../version';
import { stageCount, traceHash, traceTree } from '../conform/identity';
import { TYPE_HELPERS, TYPE_NOTES, prelude, runtime } from './cRuntime';
import { tapRuntime, tapTables } from './cTap';
import { Identifiers, blockComment, cString, lineComment } from './cSyntax';
import { VARIANT_SUMMARY, ioctlText, switchValueText, toAscii } from './describe';

/** The C expression of a result: `0` or `-ENOENT`. */
function cResult(result: Result): string {
  return result === 'ok' ? '0' : `-${result}`;
}

/** Whether a result is one the program can check (`ok` or an errno), not `hang` and the like. */
function checkable(result: string): result is Result {
  return result === 'ok' || /^E[A-Z0-9]+$/.test(result);
}

/** The engine state before each step (the replay's view of fds, sessions and tokens). */
function statesBefore(doc: TraceDoc): LuoState[] {
  let state = initialState(doc);
  const out: LuoState[] = [];
  for (const s of doc.steps) {
    out.push(state);
    state = step(state, engineStep(s)).state;
  }
  return out;
}

/** The name of the stage session: `luoscope-stage`, unless the document uses that name. */
function stageSessionName(doc: TraceDoc): string {
  const used = new Set(doc.steps.flatMap((s) => ('name' in s ? [s.name] : [])));
  let name = 'luoscope-stage';
  for (let n = 2; used.has(name); n++) name = `luoscope-stage-${n}`;
  return name;
}

/** The file a RETRIEVE_FD step gets back, when its token is in the handle's incoming session. */
function retrievedFile(state: LuoState, s: TraceStep): FileId | undefined {
  if (s.op !== 'retrieve') return undefined;
  const handle = state.handles.get(s.session);
  if (!handle || handle.boot !== state.boot) return undefined;
  const session = state.incoming.get(handle.sid);
  return session?.files.get(s.token)?.file;
}

/** Generates one stage: the steps of one boot. */
class StageWriter {
  readonly lines: string[] = [];
  usesRet = false;
  private readonly created = new Set<FileId>();

  constructor(
    private readonly w: CWriter,
    private readonly boot: number,
  ) {}

  /** Makes the file (and its deps of the same boot) before its first use in its boot. */
  ensure(id: FileId, state: LuoState): void {
    const f = this.w.file(id);
    if (f.boot !== this.boot || this.created.has(id)) return;
    this.created.add(id);
    for (const dep of f.deps) if (dep !== id) this.ensure(dep, state);
    const v = this.w.fileVar(id);
    const dep = (i: number) => (f.deps[i] === undefined ? '-1' : this.w.fileVar(f.deps[i]!));
    const make: Record<FileSpec['type'], string> = {
      memfd: `make_memfd(${cString(id).literal}, ${fileProps(state, id).sealed ? 1 : 0})`,
      'kvm-vm': 'make_kvm_vm()',
      guest_memfd: `make_guest_memfd(${dep(0)})`,
      'kvm-vcpu': `make_kvm_vcpu(${dep(0)}, ${this.w.vcpuIndex(id)})`,
      iommufd: 'make_iommufd()',
      'vfio-pci': 'make_vfio_cdev()',
      pipe: 'make_pipe()',
      generic: 'make_generic()',
    };
    this.lines.push(`\t${v} = ${make[f.type]};`);
    this.lines.push(`\tif (${v} < 0)`);
    this.lines.push(`\t\tprintf("# ${id} (${f.type}): no fd\\n");`);
    const props = fileProps(state, id);
    if (f.type === 'vfio-pci' && props.irqsEnabled) {
      this.lines.push(`\t${lineComment(`${id} has its IRQs enabled in the trace`)}`);
    }
  }

  /**
   * One step: a comment with luoscope's reason, the call, the check. A step luoscope says
   * hangs is announced before its call; one it says is not reached is reported, not made.
   */
  add(n: number, s: TraceStep, predicted: string, reason: string, state: LuoState): void {
    const label = cString(toAscii(ioctlText(s))).literal;
    this.lines.push('', ...blockComment('\t', [`${n}. ${reason}`]));
    if (predicted === 'not reached' || (!checkable(predicted) && predicted !== 'hang')) {
      const why =
        predicted === 'not reached' && this.w.hangStep !== undefined
          ? `not reached: luoscope predicts that step ${this.w.hangStep} never returns`
          : `luoscope predicts ${JSON.stringify(predicted)}`;
      this.lines.push(`\tno_call(${n}, ${label}, ${cString(toAscii(why)).literal});`);
      return;
    }
    if (predicted === 'hang') {
      this.w.hangStep = n;
      this.lines.push(
        `\tprintf("# step ${n}: luoscope predicts that this call never returns\\n");`,
      );
    }
    const expected: Result = checkable(predicted) ? predicted : 'ok';
    const exp = cResult(expected);
    const call = (expr: string) => {
      this.usesRet = true;
      const verdict =
        predicted === 'hang'
          ? `check_hang(${n}, ${label}, ret);`
          : `check(${n}, ${label}, ret, ${exp});`;
      this.lines.push(`\tret = ${expr};`, `\t${verdict}`);
    };
    const sess = (h: string) => this.w.sessionVar(h);
    switch (s.op) {
      case 'createSession':
      case 'retrieveSession': {
        const name = cString(s.name);
        const fn = s.op === 'createSession' ? 'luo_create_session' : 'luo_retrieve_session';
        call(`${fn}(${name.literal}, ${name.bytes})`);
        this.lines.push(`\t${sess(s.as)} = ret >= 0 ? ret : -1;`);
        break;
      }
      case 'preserve':
        this.ensure(s.file, state);
        if (this.w.file(s.file).type === 'kvm-vcpu' && fileProps(state, s.file).running) {
          this.lines.push(
            `\t${lineComment('luoscope runs this vCPU inside KVM_RUN; this program does not')}`,
          );
        }
        call(`luo_preserve_fd(${sess(s.session)}, ${this.w.fileVar(s.file)}, ${s.token}ULL)`);
        break;
      case 'retrieve': {
        call(`luo_retrieve_fd(${sess(s.session)}, ${s.token}ULL)`);
        const file = expected === 'ok' ? retrievedFile(state, s) : undefined;
        if (file !== undefined) {
          this.lines.push('\tif (ret >= 0)', `\t\t${this.w.fileVar(file)} = ret;`);
        }
        break;
      }
      case 'finish':
        call(`luo_finish(${sess(s.session)}, ${s.reserved}U)`);
        break;
      case 'closeSession':
        call(`close_fd(${sess(s.session)})`);
        this.lines.push(`\t${sess(s.session)} = -1;`);
        break;
      case 'freezeSession':
        call(`luo_freeze_session(${sess(s.session)}, ${s.reserved}U)`);
        break;
      case 'getSessionName':
        call(`luo_get_name(${sess(s.session)})`);
        break;
      case 'openDevice':
        call('luo_open_device()');
        break;
      case 'closeDevice':
        call('luo_close_device()');
        break;
      case 'kexec':
        // Prints the rest of this stage's stream, saves the next stage, reboots (kexec_into).
        if (predicted === 'ok') this.lines.push(`\tkexec_into(${n}, ${this.boot + 2});`);
        else call('luo_kexec()');
        break;
      case 'set': {
        this.ensure(s.file, state);
        const sealed = fileProps(state, s.file).sealed;
        if (s.prop === 'sealed' && s.value === true && !sealed) {
          call(`add_seals(${this.w.fileVar(s.file)})`);
        } else {
          const why = {
            sealed: s.value ? 'already sealed' : 'seals cannot be removed',
            running: 'this program never runs the vCPU (KVM_RUN)',
            irqsEnabled: 'TODO: VFIO_DEVICE_SET_IRQS on the device',
            bound: 'TODO: VFIO_DEVICE_BIND_IOMMUFD / close the device',
            freezeError: "a knob of luoscope's simulated generic handler",
            canFinish: "a knob of luoscope's simulated generic handler",
            hugetlb: 'a memfd is created hugetlb or not (MFD_HUGETLB)',
            hwptRestored: 'TODO: IOMMU_HWPT_LU_RESTORE of every preserved HWPT, then replace it',
          }[s.prop];
          this.lines.push(`\tskip(${n}, ${label}, ${cString(why).literal}, ${exp});`);
        }
        break;
      }
    }
  }
}

/** Holds the document-wide names while the stages are written. */
class CWriter {
  private readonly files = new Identifiers('fd_');
  private readonly sessions = new Identifiers('sess_');
  private readonly byId: Map<string, FileSpec>;
  /** The step luoscope says never returns, once the writer has passed it. */
  hangStep: number | undefined;

  constructor(readonly doc: TraceDoc) {
    this.byId = new Map(doc.files.map((f) => [f.id, f]));
    for (const f of doc.files) this.files.get(f.id);
    for (const s of doc.steps) {
      if (s.op === 'createSession' || s.op === 'retrieveSession') this.sessions.get(s.as);
    }
  }

  file(id: FileId): FileSpec {
    return this.byId.get(id)!;
  }

  fileVar(id: FileId): string {
    return this.files.get(id);
  }

  sessionVar(handle: string): string {
    return this.sessions.get(handle);
  }

  /** A vCPU's number among the vCPUs of its VM. */
  vcpuIndex(id: FileId): number {
    const f = this.file(id);
    const siblings = this.doc.files.filter((g) => g.type === 'kvm-vcpu' && g.deps[0] === f.deps[0]);
    return siblings.findIndex((g) => g.id === id);
  }

  handles(): string[] {
    const out: string[] = [];
    for (const s of this.doc.steps) {
      if ((s.op === 'createSession' || s.op === 'retrieveSession') && !out.includes(s.as)) {
        out.push(s.as);
      }
    }
    return out;
  }
}

function header(doc: TraceDoc, result: ReplayResult, stages: number, stageName: string): string[] {
  const changed = (
    Object.keys(changedSwitches(doc.variant, result.switches, doc.kernel)) as (keyof Switches)[]
  ).map((k) => `${k}=${switchValueText(k, result.switches[k])}`);
  const files = doc.files.map((f) => {
    const deps = f.deps.length ? ` of ${f.deps.join(', ')}` : '';
    const boot = f.boot ? `, created in boot ${f.boot}` : '';
    return `${f.id} (${f.type}${deps}${boot}): ${TYPE_NOTES[f.type]}.`;
  });
  return blockComment('', [
    `luoscope reproducer: ${doc.title ?? '(untitled trace)'}`,
    `Generated by luoscope ${LUOSCOPE_VERSION} from a ${TRACE_FORMAT} document. Variant ` +
      `${doc.variant}: ${VARIANT_SUMMARY[doc.variant]}. Switches changed from the variant: ` +
      `${changed.length ? changed.join(', ') : 'none'}.`,
    `Shaped like tools/testing/selftests/liveupdate/luo_kexec_simple.c: stage 1 runs in the ` +
      `first boot, stage N after the (N-1)th kexec; this trace has ${stages} stage(s). The ` +
      `stage is argv[1], or else read from the LUO session "${stageName}", which holds a ` +
      `memfd with the next stage number, preserved just before each kexec.`,
    `Each step checks the result luoscope's replay gives it (the comment above it says why). ` +
      `Each stage prints TAP as the kernel selftests do: "TAP version 13", comment lines with ` +
      `the trace hash (SHA-256 of the trace's canonical JSON, the .json luoscope downloads), ` +
      `the expectations and uname -r, the plan 1..${result.steps.length}, then "ok N" or "not ok N ... ` +
      `MISMATCH" for each step N of the trace ("# SKIP" for those another stage runs) and ` +
      `"# Totals". Give the output of every stage to "luoscope conform TRACE RUN..." or to ` +
      `"Import a kernel run" in the page. Exit status: 0 every step as predicted, 1 a ` +
      `mismatch, 4 (KSFT_SKIP) without /dev/liveupdate.`,
    `Build: gcc -Wall -O2 -o repro repro.c. Run as root in a kernel booted with ` +
      `liveupdate=on; before a stage that kexecs, load the next kernel (kexec -l -s ` +
      `--reuse-cmdline <kernel>, as do_kexec.sh does), then run ./repro in every boot.`,
    `The files the VMM holds (fd_<id> below; -1 while the VMM has no fd for it in this ` +
      `boot). Those marked STUB are not created: their steps report EBADF until the TODO in ` +
      `their helper is done.`,
    files.length ? files : ['(none)'],
  ]);
}

/** The C reproducer of a replayed trace. `result` must be `replayTrace(doc)`. */
export function exportC(doc: TraceDoc, result: ReplayResult): string {
  const w = new CWriter(doc);
  const states = statesBefore(doc);
  const stageName = stageSessionName(doc);
  const stages: StageWriter[] = [new StageWriter(w, 0)];
  const firsts = [1];
  doc.steps.forEach((s, i) => {
    const r = result.steps[i]!;
    stages[stages.length - 1]!.add(i + 1, s, r.result, r.reason, states[i]!);
    if (s.op === 'kexec' && r.result === 'ok') {
      stages.push(new StageWriter(w, stages.length));
      firsts.push(i + 2);
    }
  });
  const changed = Object.keys(changedSwitches(doc.variant, result.switches)) as (keyof Switches)[];
  const expectations =
    `kernel tree ${traceTree(doc)}, variant ${doc.variant}, switches changed: ` +
    (changed.length
      ? changed.map((k) => `${k}=${switchValueText(k, result.switches[k])}`).join(' ')
      : 'none');
  const kvm = doc.files.some((f) => ['kvm-vm', 'guest_memfd', 'kvm-vcpu'].includes(f.type));
  const types = [...new Set(doc.files.map((f) => f.type))];
  const out: string[] = [
    ...header(doc, result, stages.length, stageName),
    '',
    prelude(kvm),
    ...tapTables(doc, result, {
      hash: traceHash(doc),
      stages: stageCount(result),
      expectations: toAscii(expectations),
    }),
    runtime(cString(stageName).literal),
    tapRuntime(),
    ...types.map((t) => TYPE_HELPERS[t]),
  ];
  if (doc.files.length) {
    out.push(
      lineComment("The files' fds, by id (-1: the VMM has no fd for it in this boot)."),
      ...doc.files.map((f) => `static __maybe_unused int ${w.fileVar(f.id)} = -1;`),
      '',
    );
  }
  const handles = w.handles();
  if (handles.length) {
    out.push(
      lineComment('Session fds, by the handles of the trace (-1: no fd).'),
      ...handles.map((h) => `static __maybe_unused int ${w.sessionVar(h)} = -1;`),
      '',
    );
  }
  stages.forEach((stage, k) => {
    const what = k === 0 ? 'before the first kexec' : `after kexec number ${k}`;
    out.push(`/* Stage ${k + 1}: boot ${k}, ${what}. */`, `static void stage_${k + 1}(void)`, '{');
    if (stage.usesRet) out.push('\tint ret;', '');
    out.push(`\tbegin_stage(${firsts[k]!});`);
    if (stage.lines.length === 0) out.push('\tprintf("# nothing to do in this boot\\n");');
    else out.push(...stage.lines);
    out.push('}', '');
  });
  out.push(...mainFunction(stages.length));
  return `${out.join('\n')}\n`;
}

function mainFunction(stages: number): string[] {
  const cases = Array.from({ length: stages }, (_, k) => [
    `\tcase ${k + 1}:`,
    `\t\tstage_${k + 1}();`,
    '\t\tbreak;',
  ]).flat();
  return [
    'int main(int argc, char *argv[])',
    '{',
    '\tint stage, err;',
    '',
    '\t/* Line by line: a reboot or a hang must not swallow the lines before it. */',
    '\tsetvbuf(stdout, NULL, _IOLBF, 0);',
    '\ttap_header();',
    '\tluo_fd = open(LUO_DEVICE, O_RDWR | O_CLOEXEC);',
    '\tif (luo_fd < 0) {',
    '\t\terr = errno;',
    '\t\tprintf("# stage: none (cannot open %s: %s)\\n", LUO_DEVICE, strerror(err));',
    '\t\tskip_all("no " LUO_DEVICE);',
    '\t\treturn KSFT_SKIP;',
    '\t}',
    '\tstage = argc > 1 ? atoi(argv[1]) : read_stage();',
    '\tif (stage < 1 || stage > TRACE_STAGES) {',
    '\t\tprintf("Bail out! no stage %d: this trace has %d\\n", stage, TRACE_STAGES);',
    '\t\treturn KSFT_FAIL;',
    '\t}',
    '\tprintf("# stage: %d of %d\\n", stage, TRACE_STAGES);',
    '\tprintf("1..%d\\n", TRACE_STEPS);',
    '\tswitch (stage) {',
    ...cases,
    '\t}',
    '\ttotals();',
    '\treturn failures ? KSFT_FAIL : KSFT_PASS;',
    '}',
  ];
}
