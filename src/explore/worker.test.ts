import { describe, expect, it } from 'vitest';
import { resolveSwitches } from '../engine';
import type { FileId, FileSpec } from '../engine';
import { runExploreRequest } from './worker';
import type { ExploreMessage } from './worker';

const file = (id: string, type: FileSpec['type'], deps: string[] = []): FileSpec => ({
  id: id as FileId,
  type,
  deps: deps as FileId[],
  boot: 0,
});
const seed = [file('vm', 'kvm-vm'), file('gmem', 'guest_memfd', ['vm'])];

describe('runExploreRequest (the worker body)', () => {
  it('posts progress, one result per job in order, then done', () => {
    const messages: ExploreMessage[] = [];
    const jobs = (['A', 'B'] as const).map((v) => ({ variant: v, switches: resolveSwitches(v) }));
    runExploreRequest({ files: seed, jobs }, (m) => messages.push(m));
    expect(messages.map((m) => `${m.type}${'variant' in m ? ` ${m.variant}` : ''}`)).toEqual([
      'progress A',
      'result A',
      'progress B',
      'result B',
      'done',
    ]);
    const a = messages[1]!;
    expect(a.type === 'result' && a.result.classes.orphanSilent).toBe(2n);
    // What the page receives must survive structured clone (BigInt included).
    expect(structuredClone(a)).toEqual(a);
  });

  it('reports a budget passed as an error naming it, instead of throwing', () => {
    const messages: ExploreMessage[] = [];
    const files = Array.from({ length: 40 }, (_, i) => file(`m${i}`, 'memfd'));
    const jobs = [{ variant: 'A' as const, switches: resolveSwitches('A') }];
    runExploreRequest({ files, jobs, maxStates: 30 }, (m) => messages.push(m));
    expect(messages.at(-1)).toMatchObject({
      type: 'error',
      message: /budget of 30 states; try a smaller run shape/,
    });
  });

  it('explores the run shape it is given, past the old 16-file limit', () => {
    const messages: ExploreMessage[] = [];
    const files = Array.from({ length: 20 }, (_, i) => file(`m${i}`, 'memfd'));
    const jobs = [{ variant: 'A' as const, switches: resolveSwitches('A') }];
    const shape = { sessions: 2, kexecs: 1, setSteps: false };
    runExploreRequest({ files, jobs, shape }, (m) => messages.push(m));
    const r = messages.find((m) => m.type === 'result');
    // 20 memfds, each left out or preserved into one of 2 sessions, in any order.
    expect(r?.type === 'result' && r.result.runs > 10n ** 25n).toBe(true);
  });
});
