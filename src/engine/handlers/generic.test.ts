/**
 * The generic test handler: a settable `.freeze()` errno and `.can_finish()` answer, and any
 * dependencies (cycles allowed) treated like guest_memfd treats its VM (TRACE-FORMAT "Files";
 * SEMANTICS §2.3, §2.5, §4.1, §4.4–4.6; Pasha's cycle argument, §5).
 */
import { describe, expect, it } from 'vitest';
import { generic, machine } from '../testing';

const cycle = [generic('x', ['y']), generic('y', ['x'])];

describe('generic: freezeError', () => {
  it('kexec returns the configured errno; clearing it lets kexec through', () => {
    const lu = machine([generic('a'), generic('b', [], { freezeError: 'ENOMEM' })], 'A');
    lu.createSession('s');
    lu.preserve('s', 'a', 1);
    lu.preserve('s', 'b', 2);
    expect(lu.kexec()).toBe('ENOMEM');
    expect(lu.trace()).toEqual(['freeze(a)', 'freeze(b)=ENOMEM', 'unfreeze(a)']);
    expect(lu.set('b', 'freezeError', null)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(a)', 'freeze(b)']);
  });

  it('is a handler knob: it applies with no fd (file created in a later boot)', () => {
    const lu = machine([generic('a', [], { boot: 1 })], 'A');
    expect(lu.set('a', 'freezeError', 'EIO')).toBe('ok');
  });
});

describe('generic: canFinish', () => {
  it('false -> FINISH EBUSY, nothing finished; true -> FINISH 0', () => {
    const lu = machine([generic('a'), generic('b', [], { canFinish: false })], 'A');
    lu.createSession('s');
    lu.preserve('s', 'a', 1);
    lu.preserve('s', 'b', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(a)', 'can_finish(b)=EBUSY']);
    expect(lu.set('b', 'canFinish', true)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['can_finish(a)', 'can_finish(b)', 'finish(b,0)', 'finish(a,0)']);
  });
});

describe('generic: a dependency cycle x -> y -> x', () => {
  it('variant A: preserve-time lookup, no order works -> ENOENT both ways', () => {
    const lu = machine(cycle, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'x', 1)).toBe('ENOENT');
    expect(lu.preserve('s', 'y', 2)).toBe('ENOENT');
    expect(lu.tokens('s')).toEqual([]);
  });

  it('variant B: preserve-time lookup too -> ENOENT', () => {
    const lu = machine(cycle, 'B');
    lu.createSession('s');
    expect(lu.preserve('s', 'y', 2)).toBe('ENOENT');
    expect(lu.preserve('s', 'x', 1)).toBe('ENOENT');
  });

  it('variant C: both preserve, kexec -> 0', () => {
    const lu = machine(cycle, 'C');
    lu.createSession('s');
    expect(lu.preserve('s', 'x', 1)).toBe('ok');
    expect(lu.preserve('s', 'y', 2)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(x)', 'freeze(y)']);
    expect(lu.incomingEntry('x')?.depTokens).toEqual([2]);
    expect(lu.incomingEntry('y')?.depTokens).toEqual([1]);
  });

  it('strict retrieval (B with freeze-time lookup, §4.6): neither can be retrieved -> EAGAIN', () => {
    const lu = machine(cycle, 'B', { depLookupPhase: 'freeze' });
    lu.createSession('s');
    lu.preserve('s', 'x', 1);
    lu.preserve('s', 'y', 2);
    expect(lu.kexec()).toBe('ok');
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 1)).toBe('EAGAIN');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.retrieve('s', 1)).toBe('EAGAIN');
  });

  it('variant C: retrieving x retrieves y implicitly (and the cycle ends)', () => {
    const lu = machine(cycle, 'C');
    lu.createSession('s');
    lu.preserve('s', 'x', 1);
    lu.preserve('s', 'y', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(x)', 'retrieve(y)']);
    expect(lu.incomingEntry('y')).toMatchObject({ retrieveStatus: 1, userRetrieved: false });
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.trace()).toEqual([]);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.outcome().orphans).toEqual([]);
  });

  it('variant D: x without y -> FINISH EBUSY until y is retrieved', () => {
    const lu = machine(cycle, 'D');
    lu.createSession('s');
    lu.preserve('s', 'x', 1);
    lu.preserve('s', 'y', 2);
    lu.kexec();
    lu.retrieveSession('s');
    lu.retrieve('s', 1);
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(x)=EBUSY']);
    lu.retrieve('s', 2);
    expect(lu.finish('s')).toBe('ok');
  });
});

describe('generic: a dependency chain x -> y under variant A', () => {
  it('retrieving x retrieves y implicitly', () => {
    const lu = machine([generic('x', ['y']), generic('y')], 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'y', 2)).toBe('ok');
    expect(lu.preserve('s', 'x', 1)).toBe('ok');
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(x)', 'retrieve(y)']);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.outcome().orphans).toEqual([{ file: 'x', dependsOn: 'y', detected: false }]);
  });
});
