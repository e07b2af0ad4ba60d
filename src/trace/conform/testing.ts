/**
 * For tests: the output a reproducer prints on a kernel that returns `kernel[i]` at step i,
 * stage by stage, written from the C program itself (its check/skip/kexec_into calls) so
 * that it follows the program when the program changes. Test code only.
 */
import { exportC } from '../export/c';
import { resultText } from './conform';
import type { TraceDoc } from '../parse';
import type { ReplayResult } from '../replay';
import { LUOSCOPE_VERSION } from '../version';
import { ioctlText, toAscii } from '../export/describe';
import { stageCount, stagesOf, traceHash } from './identity';

/** What the program does at a step, read from its C source. */
type Call =
  | { kind: 'check' }
  | { kind: 'hang' }
  | { kind: 'skip'; why: string }
  | { kind: 'kexec' }
  | { kind: 'none'; why: string };

function calls(source: string): Map<number, Call> {
  const out = new Map<number, Call>();
  for (const m of source.matchAll(
    /^\t(check|check_hang|skip|no_call|kexec_into)\((\d+), (.*)\);$/gm,
  )) {
    const n = Number(m[2]);
    const args = m[3]!;
    const strings = [...args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) =>
      s[1]!.replace(/\\(.)/g, '$1'),
    );
    if (m[1] === 'skip') out.set(n, { kind: 'skip', why: strings[1]! });
    else if (m[1] === 'no_call') out.set(n, { kind: 'none', why: strings[1]! });
    else if (m[1] === 'kexec_into') out.set(n, { kind: 'kexec' });
    else if (m[1] === 'check_hang') out.set(n, { kind: 'hang' });
    else out.set(n, { kind: 'check' });
  }
  return out;
}

/** The steps the program calls (and checks) in the kernel: where a kernel can disagree. */
export function calledSteps(doc: TraceDoc, result: ReplayResult): number[] {
  const c = calls(exportC(doc, result));
  return [...c].filter(([, v]) => v.kind !== 'skip' && v.kind !== 'none').map(([n]) => n - 1);
}

/**
 * Each stage's output (one text per stage that runs), as the program prints it when the
 * kernel returns `kernel[i]` at step i (`ok` or an errno name). A kexec that ends its stage and
 * fails ends the run there (`Bail out!`), as in the program.
 */
export function stageOutputs(
  doc: TraceDoc,
  result: ReplayResult,
  kernel: readonly string[],
  uname = '6.18.0-luo',
): string[] {
  const source = exportC(doc, result);
  const plan = calls(source);
  const labels = doc.steps.map((s) => toAscii(ioctlText(s)));
  const stages = stagesOf(result);
  const count = stageCount(result);
  const total = doc.steps.length;
  const expectations = /^#define EXPECTATIONS "(.*)"$/m.exec(source)![1]!;
  const outputs: string[] = [];
  let first = 1;
  for (let stage = 1; stage <= count; stage++) {
    const lines = [
      'TAP version 13',
      `# luoscope: ${LUOSCOPE_VERSION}`,
      `# trace: sha256:${traceHash(doc)}`,
      `# steps: ${total} in ${count} stage(s)`,
      `# expectations: ${expectations}`,
      `# uname -r: ${uname}`,
      `# stage: ${stage} of ${count}`,
      `1..${total}`,
    ];
    let pass = 0,
      fail = 0,
      skip = 0;
    const others = (from: number, to: number) => {
      for (let n = from; n <= to; n++, skip++)
        lines.push(`ok ${n} - ${labels[n - 1]} # SKIP in stage ${stages[n - 1]}`);
    };
    const totals = () =>
      lines.push(`# Totals: pass:${pass} fail:${fail} xfail:0 xpass:0 skip:${skip} error:0`);
    others(1, first - 2);
    if (first > 1) {
      pass++;
      lines.push(`ok ${first - 1} - ${labels[first - 2]} = 0`);
    }
    let n = first;
    let next: number | null = null;
    for (; n <= total && stages[n - 1] === stage; n++) {
      const c = plan.get(n)!;
      const label = labels[n - 1]!;
      const got = kernel[n - 1]!;
      const want = result.steps[n - 1]!.result as string;
      if (c.kind === 'skip') {
        skip++;
        lines.push(`ok ${n} - ${label} # SKIP ${c.why} (luoscope: ${resultText(want)})`);
      } else if (c.kind === 'none') {
        skip++;
        lines.push(`ok ${n} - ${label} # SKIP ${c.why}`);
      } else if (c.kind === 'kexec') {
        skip++;
        lines.push(
          `ok ${n} - ${label} # SKIP kexec into stage ${stage + 1}: its output reports this step`,
        );
        others(n + 1, total);
        totals();
        if (got !== 'ok') {
          lines.push(
            `Bail out! step ${n}: ${label} = ${resultText(got)}, luoscope expected 0: the kexec did not happen`,
          );
          outputs.push(`${lines.join('\n')}\n`);
          return outputs;
        }
        next = n + 1;
      } else if (c.kind === 'hang') {
        if (got === 'hang') {
          // The call never returns: the stream stops after the program's warning.
          lines.push(`# step ${n}: luoscope predicts that this call never returns`);
          outputs.push(`${lines.join('\n')}\n`);
          return outputs;
        }
        fail++;
        lines.push(`not ok ${n} - ${label} = ${resultText(got)}, luoscope expected hang: MISMATCH`);
      } else if (got === want) {
        pass++;
        lines.push(`ok ${n} - ${label} = ${resultText(got)}`);
      } else {
        fail++;
        lines.push(
          `not ok ${n} - ${label} = ${resultText(got)}, luoscope expected ${resultText(want)}: MISMATCH`,
        );
      }
    }
    if (next === null) {
      if (stage === 1 && first === 1 && doc.steps.length === 0)
        lines.push('# nothing to do in this boot');
      totals();
    }
    outputs.push(`${lines.join('\n')}\n`);
    first = next ?? n;
  }
  return outputs;
}
