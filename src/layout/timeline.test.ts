import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createState, resolveSwitches, step } from '../engine';
import type { FileId, LuoState, SessionHandle, Step, StepResult, Token, Variant } from '../engine';
import { findScenario, memfdScenario } from '../scenarios';
import { TL_COLUMN, TL_LABEL, layoutTimeline } from './timeline';

const seed = findScenario('seed')!;
const o = 'out' as SessionHandle;
const i = 'in' as SessionHandle;
const f = (id: string) => id as FileId;
const t = (n: number) => n as Token;

/** The thread's example: preserve vm, gmem; kexec; retrieve gmem only; FINISH. */
const THREAD: Step[] = [
  { op: 'createSession', name: 'vmm', as: o },
  { op: 'preserve', session: o, file: f('vm'), token: t(1) },
  { op: 'preserve', session: o, file: f('gmem'), token: t(2) },
  { op: 'kexec' },
  { op: 'retrieveSession', name: 'vmm', as: i },
  { op: 'retrieve', session: i, token: t(2) },
  { op: 'finish', session: i, reserved: 0 },
];

function replay(files = seed.files, actions: Step[] = THREAD, variant: Variant = 'A') {
  const states: LuoState[] = [createState(files, resolveSwitches(variant))];
  const log: { step: Step; result: StepResult }[] = [];
  for (const s of actions) {
    const r = step(states[states.length - 1]!, s);
    states.push(r.state);
    log.push({ step: s, result: r.result });
  }
  return layoutTimeline({ files, states, log });
}

describe('layoutTimeline', () => {
  it('the thread under A: the orphan mark is on gmem at the FINISH column', () => {
    const g = replay();
    expect(g.columns.map((c) => c.op)).toEqual(THREAD.map((s) => s.op));
    expect(g.rows.map((r) => r.id)).toEqual(['s:vmm', 'f:vm', 'f:gmem']);
    const orphan = g.marks.filter((m) => m.kind === 'orphan');
    expect(orphan.map((m) => [m.row, m.step])).toEqual([['f:gmem', 7]]);
    expect(orphan[0]!.x).toBe(TL_LABEL + 6 * TL_COLUMN + TL_COLUMN / 2);
  });

  it('one kexec band splits boot 0 from boot 1', () => {
    const g = replay();
    expect(g.bands).toEqual([expect.objectContaining({ step: 4, ok: true })]);
    expect(g.boots.map((b) => b.boot)).toEqual([0, 1]);
    expect(g.boots[1]!.x0).toBe(g.columns[4]!.x);
  });

  it('gmem arcs from its preserve to its retrieve; vm to the kernel retrieving it', () => {
    const g = replay();
    const arcs = g.arcs.map((a) => [a.row, a.from, a.to, a.implicit]);
    expect(arcs).toContainEqual(['f:gmem', 3, 6, false]);
    expect(arcs).toContainEqual(['f:vm', 2, 6, true]);
    const implicit = g.glyphs.filter((x) => x.implicit);
    expect(implicit.map((x) => [x.row, x.step, x.letter])).toEqual([['f:vm', 6, 'r']]);
  });

  it('under B the retrieve is refused: its glyph says EAGAIN, no arc reaches gmem, FINISH loses it', () => {
    const g = replay(seed.files, THREAD, 'B');
    const r = g.glyphs.find((x) => x.row === 'f:gmem' && x.step === 6)!;
    expect([r.ok, r.result]).toEqual([false, 'EAGAIN']);
    expect(g.arcs.filter((a) => a.row === 'f:gmem')).toEqual([]);
    // FINISH then lets go of what was never retrieved: data loss, no orphan.
    expect(g.marks.map((m) => [m.kind, m.row, m.step])).toEqual([['data-loss', 'f:gmem', 7]]);
  });

  it('every glyph and mark sits in its column, on a row that exists', () => {
    const files = memfdScenario(6).files;
    const action = fc.oneof(
      fc.constant<Step>({ op: 'kexec' }),
      fc.constant<Step>({ op: 'createSession', name: 's', as: o }),
      fc.constant<Step>({ op: 'retrieveSession', name: 's', as: i }),
      fc.constant<Step>({ op: 'finish', session: i, reserved: 0 }),
      fc.integer({ min: 0, max: 5 }).map<Step>((k) => ({
        op: 'preserve',
        session: o,
        file: files[k]!.id,
        token: t(k + 1),
      })),
      fc
        .integer({ min: 1, max: 6 })
        .map<Step>((k) => ({ op: 'retrieve', session: i, token: t(k) })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const g = replay(files, actions);
        const rows = new Set(g.rows.map((r) => r.id));
        for (const x of [...g.glyphs, ...g.marks]) {
          expect(rows.has(x.row)).toBe(true);
          const c = g.columns[x.step - 1]!;
          expect(x.x).toBeGreaterThan(c.x);
          expect(x.x).toBeLessThan(c.x + c.width);
        }
        for (const a of g.arcs) expect(a.from).toBeLessThan(a.to);
        expect(g.rows.filter((r) => r.kind === 'file')).toHaveLength(files.length);
      }),
      { numRuns: 60 },
    );
  });
});
