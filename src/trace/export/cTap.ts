/**
 * The reproducer's TAP output, as C: the trace's identity (hash, steps, stages, the
 * expectations), a table of every step's call and stage, and the helpers that print the
 * stream of one stage as the kernel selftests do (tools/testing/selftests/kselftest.h:
 * `TAP version 13`, the plan, `ok N - ...`, `# SKIP`, `# Totals: pass:...`, KSFT_* exit
 * codes). Every stage prints a line for every step of the trace, numbered as in the trace, so
 * each stage's stream is complete TAP on its own; the importer (`../conform/`) reads it back.
 */
import type { TraceDoc } from '../parse';
import type { ReplayResult } from '../replay';
import { LUOSCOPE_VERSION } from '../version';
import { stagesOf } from '../conform/identity';
import { cString } from './cSyntax';
import { ioctlText, toAscii } from './describe';

/** What the comment lines of every stage's output say. */
export interface TapMeta {
  hash: string;
  stages: number;
  expectations: string;
}

/** Numbers as C initialisers, at most 80 columns a line. */
function numberLines(values: readonly number[]): string[] {
  const lines: string[] = [];
  let line = '\t';
  for (const v of values) {
    const item = `${v},`;
    if (line.length + item.length + 1 > 72 && line !== '\t') {
      lines.push(line.trimEnd());
      line = '\t';
    }
    line += `${item} `;
  }
  if (line !== '\t') lines.push(line.trimEnd());
  return lines;
}

/** The defines and tables of the output: identity, each step's call and stage. */
export function tapTables(doc: TraceDoc, result: ReplayResult, meta: TapMeta): string[] {
  const stages = stagesOf(result);
  return [
    '/* What every stage prints first, so its output can be matched to its trace. */',
    `#define LUOSCOPE_VERSION ${cString(LUOSCOPE_VERSION).literal}`,
    `#define TRACE_SHA256 "${meta.hash}"`,
    `#define TRACE_STEPS ${doc.steps.length}`,
    `#define TRACE_STAGES ${meta.stages}`,
    `#define EXPECTATIONS ${cString(meta.expectations).literal}`,
    '#define KSFT_PASS 0',
    '#define KSFT_FAIL 1',
    '#define KSFT_SKIP 4',
    '',
    "/* Each step's call as the TAP lines name it, by the step's number in the trace. */",
    'static const char *const step_label[TRACE_STEPS + 1] = {',
    '\tNULL,',
    ...doc.steps.map((s) => `\t${cString(toAscii(ioctlText(s))).literal},`),
    '};',
    '',
    '/* The stage that runs each step (a kexec belongs to the stage it ends). */',
    'static const int step_stage[TRACE_STEPS + 1] = {',
    ...numberLines([0, ...stages]),
    '};',
    '',
  ];
}

/** The helpers that print a stage's TAP stream; they follow `runtime()` in the program. */
export function tapRuntime(): string {
  return `static int passed, failures, skipped;

/* The comment lines that name the trace, the expectations and the running kernel. */
static void tap_header(void)
{
	struct utsname u;

	printf("TAP version 13\\n");
	printf("# luoscope: %s\\n", LUOSCOPE_VERSION);
	printf("# trace: sha256:%s\\n", TRACE_SHA256);
	printf("# steps: %d in %d stage(s)\\n", TRACE_STEPS, TRACE_STAGES);
	printf("# expectations: %s\\n", EXPECTATIONS);
	printf("# uname -r: %s\\n", uname(&u) == 0 ? u.release : "unknown");
}

static void totals(void)
{
	printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:%d error:0\\n", passed, failures,
	       skipped);
}

/* Compares a step's result (0 or an fd on success, -errno) with luoscope's. */
static __maybe_unused void check(int step, const char *call, int ret, int expected)
{
	int got = ret < 0 ? ret : 0;

	if (got == expected) {
		passed++;
		printf("ok %d - %s = %s\\n", step, call, errno_str(got));
		return;
	}
	failures++;
	printf("not ok %d - %s = %s, luoscope expected %s: MISMATCH\\n", step, call,
	       errno_str(got), errno_str(expected));
}

/* A step luoscope says never returns, that returned. */
static __maybe_unused void check_hang(int step, const char *call, int ret)
{
	failures++;
	printf("not ok %d - %s = %s, luoscope expected hang: MISMATCH\\n", step, call,
	       errno_str(ret < 0 ? ret : 0));
}

/* A step that is not a syscall here: said, not checked. */
static __maybe_unused void skip(int step, const char *call, const char *why, int expected)
{
	skipped++;
	printf("ok %d - %s # SKIP %s (luoscope: %s)\\n", step, call, why, errno_str(expected));
}

/* A step this program does not make (luoscope says the kernel never gets there). */
static __maybe_unused void no_call(int step, const char *call, const char *why)
{
	skipped++;
	printf("ok %d - %s # SKIP %s\\n", step, call, why);
}

/* The steps from .. to that other stages run. */
static void other_steps(int from, int to)
{
	int n;

	for (n = from; n <= to; n++) {
		skipped++;
		printf("ok %d - %s # SKIP in stage %d\\n", n, step_label[n], step_stage[n]);
	}
}

/* Every step skipped: the program cannot run here. */
static void skip_all(const char *why)
{
	printf("1..%d\\n", TRACE_STEPS);
	for (int n = 1; n <= TRACE_STEPS; n++) {
		skipped++;
		printf("ok %d - %s # SKIP %s\\n", n, step_label[n], why);
	}
	totals();
}

/* A stage starts: earlier stages' steps, then the kexec that booted this one (it returned). */
static void begin_stage(int first)
{
	other_steps(1, first - 2);
	if (first > 1) {
		passed++;
		printf("ok %d - %s = 0\\n", first - 1, step_label[first - 1]);
	}
}

/*
 * The kexec that ends a stage: the rest of this stage's stream first (the next stage reports
 * this step), the next stage's number saved, then the reboot. It returns only on failure.
 */
static __maybe_unused void kexec_into(int step, int next)
{
	int ret;

	skipped++;
	printf("ok %d - %s # SKIP kexec into stage %d: its output reports this step\\n", step,
	       step_label[step], next);
	other_steps(step + 1, TRACE_STEPS);
	totals();
	save_stage(next);
	ret = luo_kexec();
	printf("Bail out! step %d: %s = %s, luoscope expected 0: the kexec did not happen\\n", step,
	       step_label[step], errno_str(ret));
	exit(KSFT_FAIL);
}
`;
}
