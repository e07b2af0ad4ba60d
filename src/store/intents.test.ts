import { describe, expect, it } from 'vitest';
import { createState, resolveSwitches, step } from '../engine';
import type { FileId, LuoState, SessionHandle, Step, Token } from '../engine';
import { findScenario } from '../scenarios';
import { primaryAction } from './intents';
import { freshHandle } from './sessions';

const id = (s: string) => s as FileId;

function run(state: LuoState, steps: readonly Step[]): LuoState {
  for (const s of steps) {
    const out = step(state, s);
    expect(out.result.result, out.result.reason).toBe('ok');
    state = out.state;
  }
  return state;
}

function seed(variant: 'A' | 'B' | 'C' | 'D' = 'A') {
  return createState(findScenario('seed')!.files, resolveSwitches(variant));
}

function click(state: LuoState, file: string): LuoState {
  const intent = primaryAction(state, id(file));
  if (intent.kind === 'none') throw new Error(intent.why);
  return run(state, intent.steps);
}

describe('primaryAction', () => {
  it('creates session vmm first, as its own step, then preserves with token 1', () => {
    expect(primaryAction(seed(), id('vm'))).toEqual({
      kind: 'preserve',
      steps: [
        { op: 'createSession', name: 'vmm', as: 'vmm@0' },
        { op: 'preserve', session: 'vmm@0', file: 'vm', token: 1 },
      ],
    });
  });

  it('preserves into the open session with the next free token', () => {
    const s = click(seed(), 'vm');
    expect(primaryAction(s, id('gmem'))).toEqual({
      kind: 'preserve',
      steps: [{ op: 'preserve', session: 'vmm@0', file: 'gmem', token: 2 }],
    });
  });

  it('prefers the chosen outgoing session and fills token gaps', () => {
    let s = run(seed('C'), [
      { op: 'createSession', name: 'a', as: 'A' as SessionHandle },
      { op: 'createSession', name: 'b', as: 'B' as SessionHandle },
      { op: 'preserve', session: 'A' as SessionHandle, file: id('vm'), token: 2 as Token },
    ]);
    expect(primaryAction(s, id('gmem'), 'A' as SessionHandle)).toMatchObject({
      steps: [{ op: 'preserve', session: 'A', token: 1 }],
    });
    // Without a preference: the newest open outgoing session.
    expect(primaryAction(s, id('gmem'))).toMatchObject({ steps: [{ session: 'B', token: 1 }] });
    s = run(s, [{ op: 'closeSession', session: 'B' as SessionHandle }]);
    expect(primaryAction(s, id('gmem'))).toMatchObject({ steps: [{ session: 'A', token: 1 }] });
  });

  it('has none for a preserved file', () => {
    const s = click(seed(), 'vm');
    expect(primaryAction(s, id('vm'))).toMatchObject({ kind: 'none' });
  });

  it('after kexec retrieves the session first, under a fresh handle, then the token', () => {
    let s = run(click(click(seed(), 'vm'), 'gmem'), [{ op: 'kexec' }]);
    expect(primaryAction(s, id('gmem'))).toEqual({
      kind: 'retrieve',
      steps: [
        { op: 'retrieveSession', name: 'vmm', as: 'vmm@1' },
        { op: 'retrieve', session: 'vmm@1', token: 2 },
      ],
    });
    s = click(s, 'gmem');
    // The session fd is open now: only the retrieve; vm was retrieved by the kernel.
    expect(primaryAction(s, id('vm'))).toEqual({
      kind: 'retrieve',
      steps: [{ op: 'retrieve', session: 'vmm@1', token: 1 }],
    });
  });

  it('after retrieval, preserves again for the next live update in a new session', () => {
    let s = run(click(click(seed(), 'vm'), 'gmem'), [{ op: 'kexec' }]);
    s = click(click(s, 'vm'), 'gmem');
    expect(primaryAction(s, id('vm'))).toEqual({
      kind: 'preserve',
      steps: [
        { op: 'createSession', name: 'vmm', as: 'vmm@1.2' },
        { op: 'preserve', session: 'vmm@1.2', file: 'vm', token: 1 },
      ],
    });
  });

  it('has none for a file lost at kexec', () => {
    const s = run(seed(), [{ op: 'kexec' }]);
    expect(primaryAction(s, id('vm'))).toEqual({
      kind: 'none',
      why: 'vm: lost at kexec (not preserved)',
    });
  });
});

describe('freshHandle', () => {
  it('is <name>@<boot>, suffixed while that handle is open', () => {
    let s = seed();
    expect(freshHandle(s, 'vmm')).toBe('vmm@0');
    s = run(s, [{ op: 'createSession', name: 'vmm', as: 'vmm@0' as SessionHandle }]);
    expect(freshHandle(s, 'vmm')).toBe('vmm@0.2');
    s = run(s, [{ op: 'kexec' }]);
    expect(freshHandle(s, 'vmm')).toBe('vmm@1');
  });
});
