/**
 * KVM vCPU fd (`kvm_vcpu_luo_x86_v1`, soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850 [S43],
 * vmm.rst [S23]): belongs to one VM. vmm.rst says a vCPU inside KVM_RUN cannot be preserved
 * (`-EBUSY`) and that every vCPU ioctl is `-EBUSY` while preserved; the code
 * (`kvm_vcpu_luo_preserve`) has no trylock: it hands the vCPU to a caretaker job that keeps it
 * running (correction C7). The VM lookup follows the variant (`depLookupPhase`).
 */
import type { FileHandler, HandlerModule } from './handler';
import { OK, fail } from './handler';
import { danglingDeps, depsCanFinish, freezeDeps, preserveDeps, retrieveDeps } from './dependent';

/** Before correction C2: both freeze and unfreeze. */
const legacy: FileHandler = {
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
      check: (_current, next, ctx) =>
        next === true && ctx.preserved && !ctx.corrected('C7')
          ? fail('EBUSY', 'KVM_RUN: every vCPU ioctl returns -EBUSY while the vCPU is preserved')
          : OK,
    },
  ],
  holdsContents: false,
  preserve: (ctx) => {
    if (ctx.props.running && !ctx.corrected('C7')) {
      return fail('EBUSY', 'kvm_vcpu.preserve: vCPU is running (mutex_trylock fails) -> -EBUSY');
    }
    if (ctx.alreadyPreserved()) {
      return fail('EBUSY', 'kvm_vcpu.preserve: vCPU is already preserved -> -EBUSY');
    }
    const res = preserveDeps(ctx);
    if (!res.ok || !ctx.props.running || !ctx.corrected('C7')) return res;
    const note =
      'a caretaker job keeps the running vCPU running (kvm_vcpu_luo_preserve has no trylock; ' +
      "vmm.rst's -EBUSY is not in the code, correction C7)";
    return { ...res, note: res.note ? `${res.note}; ${note}` : note };
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

/** soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850: `.freeze` (the VM lookup), no `.unfreeze`. */
const caretaker: FileHandler = (({ unfreeze: _u, ...rest }) => ({
  ...rest,
  source: 'virt/kvm/kvm_luo.c (soleen/linux @f1e9c9a5d850)',
}))(legacy);

/** The vCPU handler for the UI and the schema (type information). */
export const kvmVcpu = legacy;

export const kvmVcpuModule: HandlerModule = {
  type: 'kvm-vcpu',
  revisions: [caretaker],
  select: (_switches, corrected) => (corrected('C2') ? caretaker : legacy),
};
