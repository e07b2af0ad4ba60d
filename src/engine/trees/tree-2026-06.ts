/** `2026-06`: LUO as the June 2026 thread saw it (SEMANTICS §§1–7, with the corrections of §9). */
import type { KernelTree } from './types';

export const TREE_2026_06: KernelTree = {
  id: '2026-06',
  date: '2026-06-29',
  title: 'June 2026 thread',
  summary:
    'The internal-API patch under review (13 Jun 2026) with the handlers of its users: memfd-v1, ' +
    'KVM VM and vCPU, guest_memfd, the Feb 2026 iommufd series and vfio-pci. The default for a ' +
    'document that names no kernel; it changes only by a model correction.',
  handlers: ['memfd', 'kvm-vm', 'guest_memfd', 'kvm-vcpu', 'iommufd', 'vfio-pci', 'generic'],
  defaults: {
    strictErrno: 'EAGAIN',
    stickyRetrieveErrors: true,
    fileLimit: 'unlimited',
    doublePreserveCheck: true,
    sessionDirectionCheck: true,
    vfioFinishRequiresBind: true,
    memfdSeals: 'reset',
    iommufdRevision: 'memfd-deps',
    retrievedFilesBusy: true,
    sessionFreeze: false,
    khoFinalize: 'ok',
  },
  rules: [
    {
      text: 'internal dependency helpers liveupdate_get_token_outgoing() / liveupdate_get_file_incoming()',
      source:
        '[PATCH 1/1] liveupdate: luo_file: Add internal APIs for file preservation (Samiullah Khawaja, 13 Jun 2026)',
    },
    {
      text: 'PRESERVE_FD of a file already preserved in any session -> EBUSY',
      source: 'liveupdate: prevent double preservation (Pasha Tatashin, v2 23 Mar 2026)',
    },
    {
      text: 'per-ioctl session direction checks (-EINVAL), FINISH reserved != 0 -> EINVAL',
      source: 'soleen/linux kernel/liveupdate/luo_session.c @3decfc0d6fba',
    },
  ],
};
