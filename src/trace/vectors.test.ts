/**
 * The public test vectors of SEMANTICS §6, as trace files in vectors/, replayed the way the
 * CLI replays them (read the file, `replayText`): every `expect` holds, and the callback
 * orders and outcomes the vectors state are asserted here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Callback, Variant } from '../engine';
import { VARIANTS } from '../engine';
import type { ReplayResult, TraceDoc } from './index';
import { parseTrace, replayText, replayTrace, serializeTrace } from './index';

const DIR = join(__dirname, '..', '..', 'vectors');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

function load(name: string): { doc: TraceDoc; result: ReplayResult } {
  const replayed = replayText(readFileSync(join(DIR, name), 'utf8'));
  if (!replayed.ok) throw new Error(`${name}: ${replayed.error}`);
  return replayed;
}

/** `freeze(s2.f3) -> EINVAL`, `finish(s.g, 1)`: a callback as the vectors write it. */
function cb(c: Callback): string {
  const status = c.status === undefined ? '' : `, ${c.status}`;
  const result = c.result === 'ok' ? '' : ` -> ${c.result}`;
  return `${c.cb}(${c.session}.${c.file}${status})${result}`;
}

function trace(result: ReplayResult, index: number): string[] {
  return result.steps[index]!.callbacks.map(cb);
}

describe('vectors/', () => {
  it('holds every public vector of SEMANTICS §6', () => {
    const ids = new Set(FILES.map((f) => f.slice(0, 5)));
    for (const tv of ['01', '03', '04', '05', '06', '08', '10', '12', '14', '16']) {
      expect(ids, `TV-${tv}`).toContain(`tv-${tv}`);
    }
  });

  it.each(FILES)('%s replays with every expect held', (name) => {
    const { doc, result } = load(name);
    expect(result.outcome.mismatches).toEqual([]);
    expect(result.steps).toHaveLength(doc.steps.length);
    expect(doc.title).toMatch(/^TV-\d\d /);
    doc.steps.forEach((s, i) => expect(s.expect, `${name} step ${i} has an expect`).toBeDefined());
  });

  it.each(FILES)('%s is in canonical form and round-trips', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const parsed = parseTrace(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(serializeTrace(parsed.doc)).toBe(text);
    expect(parseTrace(serializeTrace(parsed.doc))).toEqual(parsed);
  });
});

describe('vectors whose results do not depend on the variant', () => {
  const ALL: Record<string, readonly Variant[]> = {
    'tv-01-core-preserve-errors.json': VARIANTS,
    'tv-12-idempotent-retrieve.json': VARIANTS,
    'tv-14-freeze-rollback-generic.json': VARIANTS,
    'tv-14-freeze-rollback-vfio.json': VARIANTS,
    'tv-16-iommufd-vfio-chain.json': VARIANTS,
  };
  for (const [name, variants] of Object.entries(ALL)) {
    it.each(variants)(`${name} under variant %s`, (variant) => {
      const { doc } = load(name);
      expect(replayTrace({ ...doc, variant }).outcome.mismatches).toEqual([]);
    });
  }
});

describe('callback orders and outcomes the vectors state', () => {
  it('TV-01: S holds exactly {t=1}', () => {
    const { result } = load('tv-01-core-preserve-errors.json');
    expect(result.steps.slice(9).map((s) => s.result)).toEqual([
      'ok',
      'ENOENT',
      'ENOENT',
      'ENOENT',
    ]);
  });

  it('TV-03: close(S) unpreserves LIFO; nothing reaches the next kernel', () => {
    const { result } = load('tv-03-abort-lifo.json');
    expect(trace(result, 4)).toEqual(['unpreserve(s.g)', 'unpreserve(s.vm)', 'unpreserve(s.m1)']);
    expect(trace(result, 7)).toEqual(['unpreserve(s.m1)']);
    expect(result.outcome).toMatchObject({ boots: 1, orphans: [], dataLoss: [] });
  });

  it('TV-05: the failing freeze is G, first: no unfreeze, M1 never frozen; then both freeze', () => {
    const { result } = load('tv-05-freeze-time-dependency.json');
    expect(trace(result, 3)).toEqual(['freeze(s.g) -> ENOENT']);
    expect(trace(result, 5)).toEqual(['freeze(s.g)', 'freeze(s.m1)']);
    expect(result.outcome).toMatchObject({
      boots: 1,
      orphans: [],
      dataLoss: [],
      stuckSessions: [],
    });
  });

  it.each(['a', 'c'])('TV-06 (%s): finish LIFO, no can_finish; the orphan is not detected', (v) => {
    const { result } = load(`tv-06-${v}-orphan.json`);
    expect(trace(result, 5)).toEqual(['retrieve(s.g)', 'retrieve(s.vm)']);
    expect(trace(result, 6)).toEqual(['finish(s.g, 1)', 'finish(s.vm, 1)']);
    expect(result.outcome.orphans).toEqual([{ file: 'g', dependsOn: 'vm', detected: false }]);
    expect(result.outcome.dataLoss).toEqual([]);
  });

  it.each([
    ['tv-08-b-strict-restore-order.json', 'EAGAIN'],
    ['tv-08-b-strict-restore-order-enoent.json', 'ENOENT'],
  ])('TV-08 %s: G refused, VM stays un-retrieved, then both in order', (name, errno) => {
    const { result } = load(name);
    expect(trace(result, 5)).toEqual([`retrieve(s.g) -> ${errno}`]);
    expect(trace(result, 6)).toEqual(['retrieve(s.vm)']);
    expect(trace(result, 7)).toEqual(['retrieve(s.g)']);
    expect(result.outcome).toMatchObject({ orphans: [], dataLoss: [], stuckSessions: [] });
  });

  it.each(['freeze', 'preserve'])('TV-10 (depLookupPhase %s): FINISH refuses the orphan', (p) => {
    const { result } = load(`tv-10-d-finish-refuses-orphan-${p}.json`);
    expect(result.switches.depLookupPhase).toBe(p);
    expect(trace(result, 6)).toEqual(['can_finish(s.g) -> EBUSY']);
    expect(trace(result, 7)).toEqual([]);
    expect(trace(result, 8)).toEqual([]);
    expect(trace(result, 9)).toEqual(['can_finish(s.g)', 'finish(s.g, 1)', 'finish(s.vm, 1)']);
    expect(result.outcome).toMatchObject({ orphans: [], dataLoss: [], stuckSessions: [] });
  });

  it('TV-12: the second retrieve and the second FINISH make no callback', () => {
    const { result } = load('tv-12-idempotent-retrieve.json');
    expect(trace(result, 4)).toEqual(['retrieve(s.m1)']);
    expect(trace(result, 5)).toEqual([]);
    expect(trace(result, 7)).toEqual(['finish(s.m1, 1)']);
    expect(trace(result, 8)).toEqual([]);
    expect(result.outcome.dataLoss).toEqual([]);
  });

  it.each([
    ['tv-14-freeze-rollback-generic.json', 'f3'],
    ['tv-14-freeze-rollback-vfio.json', 'd'],
  ])('TV-14 %s: rollback unfreezes FIFO within, reverse across sessions', (name, f3) => {
    const { result } = load(name);
    expect(trace(result, 6)).toEqual([
      'freeze(s1.f1)',
      'freeze(s2.f2)',
      `freeze(s2.${f3}) -> EINVAL`,
      'unfreeze(s2.f2)',
      'unfreeze(s1.f1)',
    ]);
    expect(trace(result, 8)).toEqual([
      'freeze(s1.f1)',
      'freeze(s2.f2)',
      `freeze(s2.${f3})`,
      'freeze(s2.f4)',
    ]);
    expect(result.outcome.boots).toBe(1);
  });

  it('TV-16: close(S) unpreserves D, I, M', () => {
    const { result } = load('tv-16-iommufd-vfio-chain.json');
    expect(trace(result, 7)).toEqual(['unpreserve(s.d)', 'unpreserve(s.i)', 'unpreserve(s.m)']);
    expect(result.outcome).toMatchObject({ boots: 0, orphans: [], dataLoss: [] });
  });
});
