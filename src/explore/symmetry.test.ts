/**
 * The state describer: describing a state from the one its step started from (only the files
 * whose entries changed) gives what describing it from scratch gives, over random runs that
 * use every kind of step; and files that are interchangeable get equal signatures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LuoState, SessionHandle, Step, Token } from '../engine';
import { VARIANTS, createState, resolveSwitches, step } from '../engine';
import { preparationOf, shapeSet } from './shape';
import type { Described } from './symmetry';
import { fileClasses, stateDescriber } from './symmetry';
import { f, scenarios } from './testing';

const OUT = ['O1', 'O2'] as SessionHandle[];
const IN = ['I1', 'I2'] as SessionHandle[];

/**
 * A step of a kind, its session and file picked by `n`. Preserves go to an outgoing session
 * and retrieves to an incoming one, each opened first when the VMM holds none (created,
 * named after the boot; or retrieved from what came through the kexec), so that runs reach
 * FINISH and later boots; kinds are weighted to the same end. Refused steps still happen.
 */
const KINDS = [
  ...Array<'preserve'>(6).fill('preserve'),
  ...Array<'retrieve'>(6).fill('retrieve'),
  'set',
  'set',
  'finish',
  'close',
  'freeze',
  'kexec',
] as const;

function stepOf(state: LuoState, kind: (typeof KINDS)[number], n: number): Step {
  const j = n % 2;
  const i = Math.floor(n / 2) % state.files.length;
  const file = state.files[i]!;
  const token = (i + 1) as Token;
  const held = (h: SessionHandle) => {
    const fd = state.handles.get(h);
    return fd !== undefined && fd !== null && fd.boot === state.boot;
  };
  const came = state.incoming.find((s) => !s.retrieved);
  const prep = preparationOf(file);
  if (kind === 'set' && prep.length === 0) kind = 'preserve';
  if (kind === 'retrieve' && !held(IN[j]!)) {
    if (came) return { op: 'retrieveSession', name: came.name, as: IN[j]! };
    kind = 'preserve';
  }
  if (kind === 'preserve' && !held(OUT[j]!))
    return { op: 'createSession', name: `s${j}b${state.boot}`, as: OUT[j]! };
  const any = [...OUT, ...IN][n % 4]!;
  switch (kind) {
    case 'preserve':
      return { op: 'preserve', session: OUT[j]!, file: file.id, token };
    case 'retrieve':
      return { op: 'retrieve', session: IN[j]!, token };
    case 'finish':
      return { op: 'finish', session: any, reserved: 0 };
    case 'close':
      return { op: 'closeSession', session: any };
    case 'freeze':
      return { op: 'freezeSession', session: any, reserved: 0 };
    case 'set':
      return shapeSet(state.files, i, prep[n % prep.length]!);
    case 'kexec':
      return { op: 'kexec' };
  }
}

describe('stateDescriber', () => {
  it('from the previous state, describes as from scratch, over random runs', () => {
    fc.assert(
      fc.property(
        scenarios(7),
        fc.constantFrom(...VARIANTS),
        fc.array(fc.tuple(fc.constantFrom(...KINDS), fc.nat()), {
          minLength: 10,
          maxLength: 80,
          size: 'max',
        }),
        (files, v, picks) => {
          const classes = fileClasses(files);
          const d = stateDescriber(files, classes);
          const other = stateDescriber(files, classes);
          let state = createState(files, resolveSwitches(v));
          let from: Described = { state, sigs: d(state).sigs };
          for (const [kind, n] of picks) {
            state = step(state, stepOf(state, kind, n)).state;
            const now = d(state, from);
            expect(now).toEqual(d(state));
            // Signature numbers are the describer's own; the texts are the same in any.
            expect(now.sigs.map(d.text)).toEqual(other(state).sigs.map(other.text));
            from = { state, sigs: now.sigs };
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('interchangeable files in the same situation share a signature; others do not', () => {
    const files = [
      f('vm', 'kvm-vm'),
      f('c0', 'kvm-vcpu', ['vm']),
      f('c1', 'kvm-vcpu', ['vm']),
      f('c2', 'kvm-vcpu', ['vm']),
    ];
    const d = stateDescriber(files, fileClasses(files));
    let state = createState(files, resolveSwitches('A'));
    for (const s of [
      { op: 'createSession', name: 's', as: 'S' },
      { op: 'preserve', session: 'S', file: 'vm', token: 1 },
      { op: 'preserve', session: 'S', file: 'c2', token: 4 },
    ] as Step[])
      state = step(state, s).state;
    const { sigs } = d(state);
    expect(sigs[1]).toBe(sigs[2]);
    expect(sigs[3]).not.toBe(sigs[1]);
    expect(d.text(sigs[3]!)).toMatch(/^o0:f0/);
    expect(d.text(sigs[1]!)).toBe('');
  });
});
