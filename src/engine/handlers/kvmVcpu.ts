/**
 * KVM vCPU fd (`kvm_vcpu_luo_x86_v1`, caretaker RFC [S28][S29], vmm.rst [S23]): belongs to one
 * VM; cannot be preserved while inside KVM_RUN.
 */
import type { FileHandler } from './handler';
import { OK, fail } from './handler';
import { danglingDeps, depsCanFinish, freezeDeps, preserveDeps, retrieveDeps } from './dependent';

export const kvmVcpu: FileHandler = {
  type: 'kvm-vcpu',
  compatible: 'kvm_vcpu_luo_x86_v1',
  source: 'virt/kvm/kvm_vcpu_luo.c (caretaker RFC)',
  summary: 'a vCPU of one VM; must be stopped (out of KVM_RUN) to be preserved',
  deps: { types: ['kvm-vm'], min: 1, max: 1, text: 'exactly one kvm-vm' },
  props: [
    {
      name: 'running',
      kind: 'boolean',
      default: false,
      label: 'running (inside KVM_RUN)',
      userspace: true,
      check: (_current, next, preserved) =>
        next === true && preserved
          ? fail('EBUSY', 'KVM_RUN: every vCPU ioctl returns -EBUSY while the vCPU is preserved')
          : OK,
    },
  ],
  holdsContents: false,
  preserve: (ctx) => {
    if (ctx.props.running) {
      return fail('EBUSY', 'kvm_vcpu.preserve: vCPU is running (mutex_trylock fails) -> -EBUSY');
    }
    if (ctx.alreadyPreserved()) {
      return fail('EBUSY', 'kvm_vcpu.preserve: vCPU is already preserved -> -EBUSY');
    }
    return preserveDeps(ctx);
  },
  unpreserve: () => OK,
  freeze: freezeDeps,
  unfreeze: () => OK,
  retrieve: retrieveDeps,
  canFinish: depsCanFinish,
  finish: () => OK,
  danglingDeps,
  dependencyGuard: depsCanFinish,
};
