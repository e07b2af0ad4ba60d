/**
 * KVM VM fd (`kvm_vm_luo_v1`, virt/kvm/kvm_luo.c): preserve, unpreserve, retrieve and finish
 * only; no .freeze, no .unfreeze, no .can_finish in any variant (SEMANTICS §3).
 */
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../switches';
import { generic, gmem, machine, vm } from '../testing';

describe('kvm-vm', () => {
  it.each(VARIANTS)('variant %s: no freeze and no can_finish callback, ever', (v) => {
    const lu = machine([vm('vm'), gmem('g', 'vm')], v);
    lu.createSession('s');
    expect(lu.preserve('s', 'vm', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['preserve(vm)']);
    expect(lu.preserve('s', 'g', 2)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace().filter((c) => c.includes('(vm'))).toEqual([]);
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(vm)']);
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace().filter((c) => c.startsWith('can_finish(vm'))).toEqual([]);
    expect(lu.trace().filter((c) => c.startsWith('finish('))).toEqual([
      'finish(g,1)',
      'finish(vm,1)',
    ]);
  });

  it('no .unfreeze: a later freeze failure makes no callback for the VM', () => {
    const lu = machine([vm('vm'), generic('bad', [], { freezeError: 'EINVAL' })], 'A');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'bad', 2);
    expect(lu.kexec()).toBe('EINVAL');
    expect(lu.trace()).toEqual(['freeze(bad)=EINVAL']);
  });

  it('a VM never retrieved is finished with status 0 and is not dataLoss (no contents)', () => {
    const lu = machine([vm('vm')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(vm,0)']);
    expect(lu.outcome().dataLoss).toEqual([]);
  });

  it('close() of the outgoing session -> unpreserve(vm)', () => {
    const lu = machine([vm('vm')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['unpreserve(vm)']);
  });
});
