/**
 * KVM vCPU fd (`kvm_vcpu_luo_x86_v1`, caretaker code): a running vCPU is preserved as it is
 * (correction C7); the VM lookup and retrieval follow the variant like guest_memfd
 * (SEMANTICS §3, §4.1; TRACE-FORMAT "Files").
 */
import { describe, expect, it } from 'vitest';
import { modelOf } from '../model';
import { machine, vcpu, vm } from '../testing';

const files = [vm('vm'), vcpu('c', 'vm'), vcpu('r', 'vm', { running: true })];

function incoming(variant: 'A' | 'B' | 'C' | 'D') {
  const lu = machine(files, variant);
  lu.createSession('s');
  expect(lu.preserve('s', 'vm', 1)).toBe('ok');
  expect(lu.preserve('s', 'c', 2)).toBe('ok');
  expect(lu.kexec()).toBe('ok');
  expect(lu.retrieveSession('s')).toBe('ok');
  return lu;
}

// Correction C7: vmm.rst says a running vCPU cannot be preserved and every vCPU ioctl is
// -EBUSY while preserved; kvm_vcpu_luo_preserve() (soleen/linux virt/kvm/kvm_luo.c
// @f1e9c9a5d850) has no trylock and hands the vCPU to a caretaker job that keeps it running.
describe('kvm-vcpu: running (correction C7)', () => {
  it('PRESERVE_FD of a running vCPU -> 0: a caretaker job keeps it running', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    expect(lu.preserve('s', 'r', 2)).toBe('ok');
    expect(lu.trace()).toEqual(['preserve(r)']);
    expect(lu.last?.reason).toMatch(/caretaker/);
  });

  it('running vCPU whose VM is not preserved (preserve-time lookup) -> ENOENT', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'r', 2)).toBe('ENOENT');
  });

  it('KVM_RUN while preserved -> 0', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'c', 2);
    expect(lu.set('c', 'running', true)).toBe('ok');
  });

  it('before C7: running -> EBUSY at preserve and for KVM_RUN while preserved', () => {
    const lu = machine(files, 'A');
    lu.state = { ...lu.state, model: modelOf('2026-06', ['C7']) };
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    expect(lu.preserve('s', 'r', 2)).toBe('EBUSY');
    lu.preserve('s', 'c', 3);
    expect(lu.set('c', 'running', true)).toBe('EBUSY');
  });
});

describe('kvm-vcpu: already preserved', () => {
  it('doublePreserveCheck on: the core refuses first -> EBUSY, no .preserve() call', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.createSession('t');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'c', 2);
    expect(lu.preserve('t', 'c', 2)).toBe('EBUSY');
    expect(lu.trace()).toEqual([]);
  });

  // SEMANTICS §3 (vCPU row): ".preserve: -EBUSY if vCPU running/already preserved" is the
  // handler's own check, so it holds also on a core without "prevent double preservation"
  // (doublePreserveCheck off). Found by this test; fixed in the engine by 84e2210.
  it('doublePreserveCheck off: the vCPU handler still refuses a second preserve -> EBUSY', () => {
    const lu = machine(files, 'C', { doublePreserveCheck: false });
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    expect(lu.preserve('s', 'c', 2)).toBe('ok');
    expect(lu.preserve('s', 'c', 3)).toBe('EBUSY');
    expect(lu.trace()).toEqual(['preserve(c)=EBUSY']);
  });
});

describe('kvm-vcpu: VM lookup', () => {
  it.each(['A', 'B'] as const)('variant %s: preserve-time, vCPU before VM -> ENOENT', (v) => {
    const lu = machine(files, v);
    lu.createSession('s');
    expect(lu.preserve('s', 'c', 2)).toBe('ENOENT');
    expect(lu.preserve('s', 'vm', 1)).toBe('ok');
    expect(lu.preserve('s', 'c', 2)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(c)']);
  });

  it.each(['C', 'D'] as const)(
    'variant %s: freeze-time, kexec -> ENOENT until the VM is in',
    (v) => {
      const lu = machine(files, v);
      lu.createSession('s');
      expect(lu.preserve('s', 'c', 2)).toBe('ok');
      expect(lu.kexec()).toBe('ENOENT');
      expect(lu.trace()).toEqual(['freeze(c)=ENOENT']);
      expect(lu.preserve('s', 'vm', 1)).toBe('ok');
      expect(lu.kexec()).toBe('ok');
      expect(lu.incomingEntry('c')?.depTokens).toEqual([1]);
    },
  );
});

describe('kvm-vcpu: retrieval', () => {
  it.each(['A', 'C', 'D'] as const)('variant %s: implicit, the VM comes along', (v) => {
    const lu = incoming(v);
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(c)', 'retrieve(vm)']);
  });

  it('variant B: strict, vCPU before VM -> EAGAIN, not remembered', () => {
    const lu = incoming('B');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(c)']);
  });

  it('variant D: can_finish refuses a vCPU without its VM fd', () => {
    const lu = incoming('D');
    lu.retrieve('s', 2);
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(c)=EBUSY']);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
  });

  it.each(['A', 'C'] as const)('variant %s: no can_finish; the vCPU is orphaned', (v) => {
    const lu = incoming(v);
    lu.retrieve('s', 2);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(c,1)', 'finish(vm,1)']);
    expect(lu.outcome()).toMatchObject({
      orphans: [{ file: 'c', dependsOn: 'vm', detected: false }],
      dataLoss: [],
    });
  });

  it('a retrieved vCPU is a new file: it may run again (not preserved any more)', () => {
    const lu = incoming('A');
    expect(lu.set('c', 'running', true)).toBe('EBADF');
    lu.retrieve('s', 2);
    expect(lu.set('c', 'running', true)).toBe('ok');
  });
});
