/** KVM VM fd (`kvm_vm_luo_v1`, virt/kvm/kvm_luo.c [S24]): no freeze, no can_finish. */
import type { FileHandler } from './handler';
import { OK } from './handler';

export const kvmVm: FileHandler = {
  type: 'kvm-vm',
  compatible: 'kvm_vm_luo_v1',
  source: 'virt/kvm/kvm_luo.c',
  summary: 'the KVM VM fd: what guest_memfd and the vCPUs belong to',
  deps: { types: [], min: 0, max: 0, text: 'no dependencies' },
  props: [],
  holdsContents: false,
  preserve: () => OK,
  unpreserve: () => OK,
  retrieve: () => ({ ok: true, note: 'new VM file of the preserved type' }),
  // kvm_luo_finish() frees the serialized metadata whenever there is some, retrieved or not
  // (soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850; correction C9).
  finish: (ctx) =>
    ctx.corrected('C9') || ctx.entry.retrieveStatus === 0
      ? { ok: true, note: 'serialized metadata freed' }
      : OK,
};
