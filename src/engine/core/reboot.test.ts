/**
 * reboot(LINUX_REBOOT_CMD_KEXEC): freeze order, rollback of §2.3 / TV-14, and what the next
 * boot sees (SEMANTICS §1.10, §1.11, §2.3, §7; TRACE-FORMAT `boot` rule).
 */
import { describe, expect, it } from 'vitest';
import { generic, machine, memfd, vfio } from '../testing';

const F = (id: string, freezeError: 'EINVAL' | null = null) => generic(id, [], { freezeError });

describe('kexec: freeze order (§2.3)', () => {
  it('sessions in creation order (not name order), files FIFO', () => {
    const lu = machine([F('b1'), F('b2'), F('a1'), F('a2')], 'A');
    lu.createSession('b');
    lu.createSession('a');
    lu.preserve('a', 'a2', 2);
    lu.preserve('a', 'a1', 1);
    lu.preserve('b', 'b1', 1);
    lu.preserve('b', 'b2', 2);
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace(true)).toEqual([
      'freeze(b.b1)',
      'freeze(b.b2)',
      'freeze(a.a2)',
      'freeze(a.a1)',
    ]);
  });

  it('TV-14: exact rollback across sessions; F3 not unfrozen, F4 never frozen', () => {
    const lu = machine([F('f1'), F('f2'), F('f3', 'EINVAL'), F('f4')], 'A');
    lu.createSession('s1');
    lu.createSession('s2');
    lu.preserve('s1', 'f1', 1);
    lu.preserve('s2', 'f2', 1);
    lu.preserve('s2', 'f3', 2);
    lu.preserve('s2', 'f4', 3);
    expect(lu.kexec()).toBe('EINVAL');
    expect(lu.trace(true)).toEqual([
      'freeze(s1.f1)',
      'freeze(s2.f2)',
      'freeze(s2.f3)=EINVAL',
      'unfreeze(s2.f2)',
      'unfreeze(s1.f1)',
    ]);
    expect(lu.tokens('s1')).toEqual([1]);
    expect(lu.tokens('s2')).toEqual([1, 2, 3]);
    expect(lu.state.boot).toBe(0);
  });

  it('TV-14 with a vfio-pci with IRQs enabled as F3; disable IRQs, kexec -> 0', () => {
    const lu = machine([F('f1'), F('f2'), vfio('d', null, { irqsEnabled: true }), F('f4')], 'A');
    lu.createSession('s1');
    lu.createSession('s2');
    lu.preserve('s1', 'f1', 1);
    lu.preserve('s2', 'f2', 1);
    lu.preserve('s2', 'd', 2);
    lu.preserve('s2', 'f4', 3);
    expect(lu.kexec()).toBe('EINVAL');
    expect(lu.trace(true)).toEqual([
      'freeze(s1.f1)',
      'freeze(s2.f2)',
      'freeze(s2.d)=EINVAL',
      'unfreeze(s2.f2)',
      'unfreeze(s1.f1)',
    ]);
    expect(lu.set('d', 'irqsEnabled', false)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.state.boot).toBe(1);
  });

  it('a failure in the first file of the first session unfreezes nothing', () => {
    const lu = machine([F('f1', 'EINVAL'), F('f2')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'f1', 1);
    lu.preserve('s', 'f2', 2);
    expect(lu.kexec()).toBe('EINVAL');
    expect(lu.trace()).toEqual(['freeze(f1)=EINVAL']);
  });

  it('a failure in the first file of a later session unfreezes earlier sessions in reverse', () => {
    const lu = machine([F('a'), F('b'), F('c'), F('x', 'EINVAL')], 'A');
    lu.createSession('s1');
    lu.createSession('s2');
    lu.createSession('s3');
    lu.preserve('s1', 'a', 1);
    lu.preserve('s1', 'b', 2);
    lu.preserve('s2', 'c', 1);
    lu.preserve('s3', 'x', 1);
    expect(lu.kexec()).toBe('EINVAL');
    expect(lu.trace(true)).toEqual([
      'freeze(s1.a)',
      'freeze(s1.b)',
      'freeze(s2.c)',
      'freeze(s3.x)=EINVAL',
      'unfreeze(s2.c)',
      'unfreeze(s1.a)',
      'unfreeze(s1.b)',
    ]);
  });

  it('a failed kexec leaves handles, sessions and the boot as they were', () => {
    const lu = machine([F('x', 'EINVAL'), memfd('m')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'x', 1);
    const before = lu.state;
    expect(lu.kexec()).toBe('EINVAL');
    expect(lu.state).toBe(before);
    expect(lu.preserve('s', 'm', 2)).toBe('ok');
  });
});

describe('kexec: boots 0, 1, 2 (§1.11, §7)', () => {
  it('outgoing sessions become incoming; old incoming sessions are dropped unfinished', () => {
    const lu = machine([memfd('m1'), memfd('m2'), memfd('m3', { boot: 1 })], 'A');
    expect(lu.outcome().boots).toBe(0);
    lu.createSession('s0');
    lu.preserve('s0', 'm1', 1);
    lu.preserve('s0', 'm2', 2);
    expect(lu.kexec()).toBe('ok');
    expect(lu.outcome().boots).toBe(1);
    expect(lu.state.incoming.map((s) => s.name)).toEqual(['s0']);
    expect(lu.state.outgoing.toArray()).toEqual([]);
    // boot 1: m1 retrieved; m2 left in the incoming session, which is never finished. m1
    // cannot go on: it stays in the preserved-files table until s0 is finished (C3).
    lu.retrieveSession('s0');
    expect(lu.retrieve('s0', 1)).toBe('ok');
    lu.createSession('s1');
    expect(lu.preserve('s1', 'm1', 10)).toBe('EBUSY');
    expect(lu.preserve('s1', 'm3', 10)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(m3)']);
    expect(lu.outcome().boots).toBe(2);
    expect(lu.state.incoming.map((s) => s.name)).toEqual(['s1']);
    expect(lu.retrieveSession('s0')).toBe('ENOENT');
    expect(lu.outcome().dataLoss).toEqual(['m2']);
    expect(lu.retrieveSession('s1')).toBe('ok');
    expect(lu.retrieve('s1', 10)).toBe('ok');
    expect(lu.finish('s1')).toBe('ok');
    expect(lu.outcome()).toEqual({ boots: 2, orphans: [], dataLoss: ['m2'], stuckSessions: [] });
  });

  it('an incoming session never retrieved is dropped at the next kexec, with no callback', () => {
    const lu = machine([memfd('m')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.kexec();
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual([]);
    expect(lu.state.incoming.toArray()).toEqual([]);
    expect(lu.outcome().dataLoss).toEqual(['m']);
  });

  it('an incoming session is not serialized again, even if retrieved and kept open', () => {
    const lu = machine([memfd('m')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.kexec();
    lu.retrieveSession('s');
    lu.retrieve('s', 1);
    expect(lu.kexec()).toBe('ok');
    expect(lu.retrieveSession('s')).toBe('ENOENT');
    expect(lu.outcome().dataLoss).toEqual([]);
  });
});

describe('the `boot` rule of files (TRACE-FORMAT)', () => {
  it('a file created in boot 1 has no fd in boot 0 -> EBADF; in boot 1 -> 0', () => {
    const lu = machine([memfd('m', { boot: 1 })], 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'm', 1)).toBe('EBADF');
    lu.kexec();
    lu.createSession('s');
    expect(lu.preserve('s', 'm', 1)).toBe('ok');
  });

  it('a file not preserved is gone after kexec -> EBADF', () => {
    const lu = machine([memfd('m')], 'A');
    lu.kexec();
    lu.createSession('s');
    expect(lu.preserve('s', 'm', 1)).toBe('EBADF');
  });

  it('a preserved file has no fd in the next boot until RETRIEVE_FD', () => {
    const lu = machine([memfd('m')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.kexec();
    lu.createSession('t');
    expect(lu.preserve('t', 'm', 1)).toBe('EBADF');
    lu.retrieveSession('s', 'in');
    lu.retrieve('in', 1);
    // The fd is back, but the file stays busy until its session is finished (C3).
    expect(lu.preserve('t', 'm', 1)).toBe('EBUSY');
    lu.finish('in');
    expect(lu.preserve('t', 'm', 1)).toBe('ok');
  });

  it('a file created in boot 1 and not preserved is gone in boot 2', () => {
    const lu = machine([memfd('m', { boot: 1 })], 'A');
    lu.kexec();
    lu.kexec();
    lu.createSession('s');
    expect(lu.preserve('s', 'm', 1)).toBe('EBADF');
  });
});
