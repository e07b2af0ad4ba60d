/**
 * Reading a reproducer's output back: the TAP streams of any of its stages, in any order,
 * from one or several inputs, each line matched to its step of the trace.
 *
 * The format (written by ../export/cTap.ts), one stream per stage run:
 *
 *     TAP version 13
 *     # luoscope: 0.1.0
 *     # trace: sha256:<64 hex digits: SHA-256 of serializeTrace(doc)>
 *     # steps: 8 in 2 stage(s)
 *     # expectations: kernel tree 2026-06, variant A, switches changed: none
 *     # uname -r: 6.18.0-luo
 *     # stage: 2 of 2                        (or: none (cannot open /dev/liveupdate: ...))
 *     1..8
 *     ok 1 - CREATE_SESSION("s") -> S # SKIP in stage 1
 *     ok 4 - reboot(KEXEC) = 0               (the kexec that booted this stage)
 *     not ok 6 - RETRIEVE_FD(S1, token=2) = -EAGAIN, luoscope expected 0: MISMATCH
 *     ok 7 - FINISH(S1) = 0
 *     # Totals: pass:3 fail:1 xfail:0 xpass:0 skip:4 error:0
 *
 * Lines before a version line and unknown lines inside a stream (console noise) are ignored,
 * as TAP does. Refused, with the input line named (`file:line: ...`): output without a
 * reproducer stream, another trace's hash, a garbled result line (cut, out of order, not
 * naming its step's call, an unknown result), and the same step given twice with different
 * results. Flagged in `notes`: a stream that ends early (no `# Totals`).
 */
import type { TraceDoc } from '../parse';
import type { ReplayResult } from '../replay';
import { ioctlText, toAscii } from '../export/describe';
import { stageCount, stagesOf, traceHash } from './identity';
import { classify, readTail } from './lines';
import type { MetaKey } from './lines';
import type { KernelRun, KernelStep, RunInput, RunResult } from './types';
import { Refusal, refuse } from './refusal';
import { streamHeader } from './header';

interface Entry {
  value: Extract<KernelStep, { kind: 'returned' | 'skipped' }>;
  weak: boolean;
}

interface Stream {
  at: string;
  meta: Partial<Record<MetaKey, string>>;
  stage: number | 'none' | null;
  last: number;
  lastAt: string;
  complete: boolean;
}

const same = (a: Entry['value'], b: Entry['value']) =>
  a.kind === b.kind &&
  (a.kind === 'returned' ? a.result : a.reason) ===
    (b.kind === 'returned' ? b.result : (b as { reason: string }).reason);
const shown = (v: Entry['value']) => (v.kind === 'returned' ? v.result : `SKIP ${v.reason}`);

/** Reads the outputs of a trace's reproducer. `result` must be `replayTrace(doc)`. */
export function readRun(
  doc: TraceDoc,
  result: ReplayResult,
  inputs: readonly RunInput[],
): RunResult {
  try {
    return { ok: true, run: new Reader(doc, result).read(inputs) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    throw error;
  }
}

class Reader {
  private readonly labels: string[];
  private readonly stages: number[];
  private readonly predicted: string[];
  private readonly hashes = new Map<number, string>();
  private steps: { n: number; at: string } | null = null;
  private readonly streams: Stream[] = [];

  constructor(
    private readonly doc: TraceDoc,
    private readonly result: ReplayResult,
  ) {
    this.labels = doc.steps.map((s) => toAscii(ioctlText(s)));
    this.stages = stagesOf(result);
    this.predicted = result.steps.map((r) => r.result as string);
  }

  private hashOf(n: number): string {
    let hash = this.hashes.get(n);
    if (hash === undefined) {
      hash = traceHash({ ...this.doc, steps: this.doc.steps.slice(0, n) });
      this.hashes.set(n, hash);
    }
    return hash;
  }

  /** The kexec that ends its stage (reported by the next stage's output). */
  private endsStage(i: number): boolean {
    const r = this.result.steps[i]!;
    return r.op === 'kexec' && r.result === 'ok';
  }

  read(inputs: readonly RunInput[]): KernelRun {
    if (inputs.length === 0) refuse('(input)', 'no kernel run given');
    for (const input of inputs) {
      const before = this.streams.length;
      this.readInput(input);
      if (this.streams.length === before) {
        refuse(input.name, 'no reproducer output in it (no "TAP version 13" line)');
      }
    }
    return this.merge();
  }

  private readInput({ name, text }: RunInput): void {
    let stream: Stream | null = null;
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, k) => {
      const at = `${name}:${k + 1}`;
      const line = classify(raw.replace(/[\s\0]+$/, ''));
      if (line.kind === 'version') {
        if (stream) this.close(stream);
        stream = {
          at,
          meta: {},
          stage: null,
          last: 0,
          lastAt: at,
          complete: false,
        };
        this.streams.push(stream);
        return;
      }
      if (line.kind === 'garbled') refuse(at, `garbled or cut line: ${line.why}`);
      if (!stream) {
        if (line.kind === 'result' || line.kind === 'plan') {
          refuse(
            at,
            'a result line before any "TAP version 13" line: the start of the stage\'s output is missing',
          );
        }
        return;
      }
      const s: Stream = stream;
      if (s.complete && line.kind !== 'other' && line.kind !== 'bail') {
        refuse(at, 'a line after the end of its stage\'s output ("# Totals" or "Bail out!")');
      }
      switch (line.kind) {
        case 'meta':
          if (s.stage !== null) refuse(at, `"# ${line.key}:" after the plan or a result line`);
          s.meta[line.key] = line.value;
          return;
        case 'plan':
          this.ready(s, at);
          if (line.count !== this.steps!.n) {
            refuse(
              at,
              `garbled plan: 1..${line.count}, but the output names ${this.steps!.n} steps`,
            );
          }
          return;
        case 'result':
          this.ready(s, at);
          this.resultLine(s, at, line.step, line.text, false);
          return;
        case 'bail':
          this.ready(s, at);
          if (line.step !== null) this.resultLine(s, at, line.step, line.text, true);
          else this.notes.push(`${at}: the program stopped: ${line.text}`);
          s.complete = true;
          return;
        case 'totals':
          this.ready(s, at);
          if (s.last < this.steps!.n) {
            refuse(
              at,
              `"# Totals" after step ${s.last}: the lines of steps ${s.last + 1} to ${this.steps!.n} are missing`,
            );
          }
          s.complete = true;
          return;
        case 'other':
          return;
      }
    });
    if (stream) this.close(stream);
  }

  readonly notes: string[] = [];

  /** Checks a stream's comment lines once, before its first plan or result line. */
  private ready(s: Stream, at: string): void {
    if (s.stage !== null) return;
    const header = streamHeader(s.meta, at, {
      total: this.doc.steps.length,
      variant: this.doc.variant,
      hashOf: (n) => this.hashOf(n),
      stagesOf: (n) => stageCount({ steps: this.result.steps.slice(0, n) }),
    });
    if (this.steps && this.steps.n !== header.steps) {
      refuse(
        at,
        `this output covers the trace's first ${header.steps} steps, the one at ${this.steps.at} its first ${this.steps.n}`,
      );
    }
    this.steps ??= { n: header.steps, at };
    s.stage = header.stage;
  }

  private resultLine(s: Stream, at: string, n: number, text: string, bail: boolean): void {
    const total = this.steps!.n;
    if (n > total) refuse(at, `garbled line: step ${n}, but the trace has ${total} steps`);
    if (!bail && n !== s.last + 1) {
      refuse(
        at,
        n <= s.last
          ? `step ${n} after step ${s.last}: lines out of order or repeated`
          : `step ${n} follows step ${s.last}: the line of step ${s.last + 1} is missing or garbled`,
      );
    }
    const label = this.labels[n - 1]!;
    if (!text.startsWith(label)) refuse(at, `garbled line: step ${n} of this trace is ${label}`);
    const tail = readTail(text.slice(label.length));
    if (tail.kind === 'garbled') refuse(at, `garbled line: ${tail.why}`);
    if (!bail) {
      s.last = n;
      s.lastAt = at;
    }
    const stage = this.stages[n - 1]!;
    if (tail.kind === 'skip') {
      const other = /^in stage (\d+)$/.exec(tail.reason);
      if (other) {
        if (Number(other[1]) !== stage)
          refuse(at, `garbled line: step ${n} is run by stage ${stage}, not ${other[1]}`);
        return;
      }
      if (/^kexec into stage \d+:/.test(tail.reason) && this.endsStage(n - 1)) return;
      this.record(n - 1, { kind: 'skipped', reason: tail.reason, at }, s.stage === 'none');
      return;
    }
    const owner = this.endsStage(n - 1) ? stage + 1 : stage;
    if (s.stage !== owner && !(bail && s.stage === stage)) {
      refuse(
        at,
        `garbled line: step ${n} is run by stage ${owner}, but this is the output of ${s.stage === 'none' ? 'a program that could not run' : `stage ${s.stage}`}`,
      );
    }
    this.record(n - 1, { kind: 'returned', result: tail.result, at }, false);
  }

  private readonly entries = new Map<number, Entry>();

  private record(i: number, value: Entry['value'], weak: boolean): void {
    const old = this.entries.get(i);
    if (!old || (old.weak && !weak)) {
      this.entries.set(i, { value, weak });
      return;
    }
    if (weak || old.weak || same(old.value, value)) return;
    refuse(
      value.at,
      `step ${i + 1} given twice with different results: ${shown(value)} here, ${shown(old.value)} at ${old.value.at}`,
    );
  }

  private close(s: Stream): void {
    if (s.stage === null) {
      this.notes.push(`${s.at}: a stage's output without a plan or result line: cut short`);
      return;
    }
    if (s.complete) return;
    const next = this.predicted[s.last];
    if (next === 'hang') return;
    this.notes.push(
      `${s.lastAt}: the output of stage ${s.stage} ends after step ${s.last} of ${this.steps!.n}, without its "# Totals" line: cut short, or the program stopped at step ${s.last + 1}`,
    );
  }

  private merge(): KernelRun {
    const stream0 = this.streams.find((s) => s.stage !== null);
    if (!stream0 || !this.steps) {
      return refuse(this.streams[0]!.at, 'no stage output with a plan or result line');
    }
    const n = this.steps.n;
    const real = this.streams.filter((s) => typeof s.stage === 'number');
    const results: KernelStep[] = [];
    for (let i = 0; i < n; i++) {
      const entry = this.entries.get(i);
      results.push(entry ? entry.value : this.absent(i, real));
    }
    const seen = new Map<number, string>();
    for (const s of real) {
      const stage = s.stage as number;
      if (seen.has(stage))
        this.notes.push(
          `${s.at}: stage ${stage} given again (first at ${seen.get(stage)}), with the same results`,
        );
      else seen.set(stage, s.at);
    }
    return {
      hash: this.hashOf(n),
      steps: n,
      stages: stageCount({ steps: this.result.steps.slice(0, n) }),
      luoscope: stream0.meta.luoscope ?? 'unknown',
      expectations: stream0.meta.expectations ?? 'unknown',
      ran: [...seen.keys()]
        .sort((a, b) => a - b)
        .map((stage) => ({
          stage,
          uname: real.find((s) => s.stage === stage)!.meta['uname -r'] ?? 'unknown',
        })),
      skippedOn: [
        ...new Set(
          this.streams
            .filter((s) => s.stage === 'none')
            .map((s) => s.meta['uname -r'] ?? 'unknown'),
        ),
      ],
      results,
      notes: this.notes,
    };
  }

  /** Why step `i` has no line. */
  private absent(i: number, real: Stream[]): KernelStep {
    const owner = this.endsStage(i) ? this.stages[i]! + 1 : this.stages[i]!;
    const mine = real.filter((s) => s.stage === owner);
    if (mine.length) {
      const s = mine.reduce((a, b) => (b.last > a.last ? b : a));
      return {
        kind: 'absent',
        why: `no line: the output of stage ${owner} ends after step ${s.last} (${s.lastAt})`,
        cut: true,
      };
    }
    for (let k = i - 1; k >= 0; k--) {
      if (!this.endsStage(k)) continue;
      const kexec = this.entries.get(k)?.value;
      if (kexec?.kind === 'returned' && kexec.result !== 'ok') {
        return {
          kind: 'absent',
          why: `not run: the kexec at step ${k + 1} returned ${kexec.result} (${kexec.at})`,
        };
      }
      break;
    }
    return { kind: 'absent', why: `not run: no output of stage ${owner} among the inputs` };
  }
}
