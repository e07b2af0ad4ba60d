/**
 * Invariants per kernel tree over random ioctl sequences (fast-check): the ones of every
 * tree (no exception, every result a result) and the ones a tree adds: a frozen session never
 * gains a file (proposed-2026-10), and under v7.3 only memfds are ever preserved.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrno } from '../errno';
import { step } from '../step';
import type { LuoState, Step } from '../types';
import { VARIANTS } from '../switches';
import { gmem, iommufd, memfd, op, treeMachine, vcpu, vfio, vm } from '../testing';
import { TREE_IDS } from './index';

const FILES = [
  vm('vm'),
  gmem('g', 'vm'),
  vcpu('c', 'vm'),
  memfd('m', { sealed: true }),
  memfd('h', { hugetlb: true }),
  iommufd('i', ['m']),
  vfio('d', 'i'),
];
const handle = fc.constantFrom('a', 'b');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  handle.map((h) => op.createSession(h, h)),
  handle.map((h) => op.retrieveSession(h, h)),
  fc
    .tuple(handle, fc.constantFrom(...FILES.map((f) => f.id)), fc.integer({ min: 1, max: 5 }))
    .map(([h, f, t]) => op.preserve(h, f, t)),
  fc.tuple(handle, fc.integer({ min: 1, max: 5 })).map(([h, t]) => op.retrieve(h, t)),
  handle.map((h) => op.finish(h)),
  handle.map((h) => op.closeSession(h)),
  handle.map((h) => op.freezeSession(h)),
  handle.map((h) => op.getSessionName(h)),
  fc.constant(op.kexec()),
  fc.constant(op.openDevice()),
  fc.constant(op.closeDevice()),
  fc.constant(op.set('d', 'bound', true)),
  fc.constant(op.set('i', 'hwptRestored', true)),
);

const frozenFiles = (s: LuoState) =>
  new Map(s.outgoing.filter((o) => o.frozen).map((o) => [o.sid, o.files.length]));

describe.each(TREE_IDS)('tree %s: invariants over random runs', (tree) => {
  it('no exception; frozen sessions never gain a file; v7.3 preserves memfds only', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VARIANTS),
        fc.array(stepArb, { maxLength: 30 }),
        (variant, steps) => {
          let state = treeMachine(FILES, tree, variant).state;
          for (const s of steps) {
            const out = step(state, s);
            const r = out.result.result;
            expect(r === 'ok' || r === 'hang' || r === 'not reached' || isErrno(r)).toBe(true);
            const before = frozenFiles(state);
            for (const [sid, n] of frozenFiles(out.state)) {
              if (before.has(sid)) expect(n).toBe(before.get(sid));
            }
            if (tree === 'v7.3') {
              for (const o of out.state.outgoing) {
                for (const f of o.files) expect(f.file).toBe('m');
              }
            }
            state = out.state;
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
