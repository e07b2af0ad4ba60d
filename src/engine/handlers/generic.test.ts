/**
 * The generic test handler: a settable `.freeze()` errno and `.can_finish()` answer, and any
 * dependencies (cycles allowed) treated like guest_memfd treats its VM (TRACE-FORMAT "Files";
 * SEMANTICS §2.3, §2.5, §4.1, §4.4–4.6; Pasha's cycle argument, §5).
 */
import { describe, expect, it } from 'vitest';
import { modelOf } from '../model';
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

  // Correction C1: luo_retrieve_file() holds x's luo_file->mutex across x's .retrieve();
  // y's .retrieve() calls liveupdate_get_file_incoming(x), which takes it again: deadlock
  // (soleen/linux kernel/liveupdate/luo_file.c @a81d456f5a41).
  it.each(['C', 'D'] as const)("variant %s: RETRIEVE_FD(x) deadlocks on x's mutex (C1)", (v) => {
    const lu = machine(cycle, v);
    lu.createSession('s');
    lu.preserve('s', 'x', 1);
    lu.preserve('s', 'y', 2);
    lu.kexec();
    lu.retrieveSession('s');
    const before = lu.state;
    expect(lu.retrieve('s', 1)).toBe('hang');
    expect(lu.trace()).toEqual(['retrieve(x)=hang', 'retrieve(y)=hang']);
    expect(lu.last?.reason).toMatch(/"x" -> "y" -> "x".*luo_file->mutex.*deadlock/);
    expect(lu.state).toEqual({ ...before, hung: { reason: lu.last!.reason } });
    expect(lu.outcome().hung?.reason).toBe(lu.last!.reason);
    // The VMM's thread never returns: nothing after it runs.
    expect(lu.retrieve('s', 2)).toBe('not reached');
    expect(lu.finish('s')).toBe('not reached');
    expect(lu.trace()).toEqual([]);
  });

  it('before C1 the re-entry answered "already retrieved" and FINISH passed', () => {
    const lu = machine(cycle, 'C');
    lu.state = { ...lu.state, model: modelOf('2026-06', ['C1']) };
    lu.createSession('s');
    lu.preserve('s', 'x', 1);
    lu.preserve('s', 'y', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(x)', 'retrieve(y)']);
    expect(lu.finish('s')).toBe('ok');
  });

  it("retrieving y first hangs the same way, on y's mutex", () => {
    const lu = machine(cycle, 'C');
    lu.createSession('s');
    lu.preserve('s', 'x', 1);
    lu.preserve('s', 'y', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 2)).toBe('hang');
    expect(lu.last?.reason).toMatch(/"y" -> "x" -> "y"/);
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
