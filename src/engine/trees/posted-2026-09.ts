/** `posted-2026-09`: the latest posted core and handlers, late September 2026 (§8.1–8.3). */
import type { KernelTree } from './types';

export const TREE_POSTED_2026_09: KernelTree = {
  id: 'posted-2026-09',
  date: '2026-09-28',
  title: 'posted code, Sep 2026',
  summary:
    'liveupdate/linux next with the internal API (f4d2e4f0d12d, merged again 24 Sep 2026) and ' +
    'the handlers as their authors carry them: memfd-v2, KVM VM and vCPU (caretaker), ' +
    'guest_memfd v4, vfio-pci v4, the HWPT iommufd. Its own answer to the ordering question is ' +
    'variant C: lookups at freeze, implicit retrieval, so the orphan is still possible.',
  handlers: ['memfd', 'kvm-vm', 'guest_memfd', 'kvm-vcpu', 'iommufd', 'vfio-pci', 'generic'],
  defaults: {
    strictErrno: 'EAGAIN',
    stickyRetrieveErrors: 'all',
    fileLimit: 'unlimited',
    doublePreserveCheck: true,
    sessionDirectionCheck: true,
    vfioFinishRequiresBind: true,
    memfdSeals: 'preserved',
    iommufdRevision: 'hwpt',
    retrievedFilesBusy: true,
    sessionFreeze: false,
    khoFinalize: 'ok',
  },
  rules: [
    {
      text: 'internal API v2 merged into liveupdate/linux next',
      source:
        'f4d2e4f0d12d (4 Aug 2026), merges 945d61765894 (10 Sep) and f24b5a2f8096 (24 Sep 2026)',
    },
    {
      text: 'guest_memfd v4 and the vCPU handler: lookup at freeze, implicit retrieval, no can_finish',
      source:
        'soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850; guest_memfd v4 (Tarun Sahu, 28 Jul 2026)',
    },
    {
      text: 'retrieved files count as preserved until FINISH (PRESERVE_FD -> EBUSY)',
      source: 'soleen/linux kernel/liveupdate/luo_file.c @a81d456f5a41',
    },
    {
      text: 'vfio-pci can_finish needs the device retrieved, bound and opened',
      source:
        'vfio-pci v4 (lkml msg2642876); [PATCH v2 09/22] vfio/pci: Store incoming Live Update state',
    },
    {
      text: 'iommufd preserves marked HWPTs, checks no memfd; can_finish needs every HWPT restored',
      source: 'drivers/iommu/iommufd/liveupdate.c @039a263',
    },
  ],
};
