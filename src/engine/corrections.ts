/**
 * Model corrections (SEMANTICS §9): places where an earlier luoscope showed a kinder kernel
 * than the code. A correction applies to every document and every tree; it is the only thing
 * that may change how a saved document replays. Each is data: what changed, the code that
 * shows it, the version it arrived in. The engine can leave corrections out (`without`) only to
 * show what one changed: `mismatches[].correction` and the golden files use that.
 */
import type { Switches } from './switches';
import type { TreeId } from './trees';

export const CORRECTION_IDS = [
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
  'C9',
  'C10',
] as const;
export type CorrectionId = (typeof CORRECTION_IDS)[number];

/** One correction. */
export interface Correction {
  id: CorrectionId;
  /** One line: what the kernel really does. */
  title: string;
  /** What luoscope did before. */
  before: string;
  /** The code that shows it: repo, path, commit, function. */
  source: string;
  /** The luoscope version it arrived in. */
  version: string;
  /** The steps whose results it may change, for a person. */
  changes: string;
  /** Switch defaults of the `2026-06` tree before the correction (only C3, C4). */
  defaultsBefore?: Partial<Switches>;
}

const VERSION = '0.2.0';

export const CORRECTIONS: readonly Correction[] = [
  {
    id: 'C1',
    title: 'a dependency cycle under implicit retrieval deadlocks the retrieving task',
    before: 'RETRIEVE_FD of a file in a cycle succeeded; the re-entry answered "already retrieved"',
    source:
      "soleen/linux kernel/liveupdate/luo_file.c @a81d456f5a41 luo_retrieve_file() holds luo_file->mutex across the handler's .retrieve(); liveupdate_get_file_incoming() wraps it",
    version: VERSION,
    changes:
      'RETRIEVE_FD of a file whose dependencies lead back to it: "hang"; later steps "not reached"',
  },
  {
    id: 'C2',
    title:
      'a rolled-back freeze calls .unfreeze() only where a handler has one; vfio-pci stays reset',
    before: 'rollback called .unfreeze() on guest_memfd, vCPU and vfio-pci files',
    source:
      'samikhawaja/linux drivers/vfio/pci/vfio_pci_liveupdate.c @03855e7 (freeze resets, no unfreeze); soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850 (vCPU: freeze, no unfreeze); soleen/linux virt/kvm/guest_memfd_luo.c @223cf46',
    version: VERSION,
    changes: 'kexec steps whose freeze failed after a guest_memfd, vCPU or vfio-pci file froze',
  },
  {
    id: 'C3',
    title: 'a retrieved file counts as preserved until its session is finished',
    before: 'PRESERVE_FD of a file retrieved in this boot succeeded before FINISH',
    source:
      'torvalds/linux kernel/liveupdate/luo_file.c @00d0b372 luo_retrieve_file() inserts into luo_preserved_files, luo_file_finish() erases',
    version: VERSION,
    changes: 'PRESERVE_FD of a retrieved file before FINISH: EBUSY',
    defaultsBefore: { retrievedFilesBusy: false },
  },
  {
    id: 'C4',
    title: "vfio-pci's can_finish needs the device opened after bind, in every posted series",
    before: 'vfio-pci FINISH succeeded once the device was retrieved',
    source:
      'samikhawaja/linux drivers/vfio/pci/vfio_pci_liveupdate.c @03855e7, dmatlack/linux @125c6e9; [PATCH v2 09/22] vfio/pci: Store incoming Live Update state (29 Jan 2026)',
    version: VERSION,
    changes: 'FINISH or close of a session holding a vfio-pci device that was never bound: EBUSY',
    defaultsBefore: { vfioFinishRequiresBind: false },
  },
  {
    id: 'C5',
    title: 'a memfd re-created by memfd-v1 cannot be sealed again',
    before: 'a retrieved memfd could be sealed (set sealed true -> ok)',
    source:
      'torvalds/linux mm/memfd_luo.c @02e117b memfd_luo_retrieve() creates the file without MFD_ALLOW_SEALING (F_SEAL_SEAL set)',
    version: VERSION,
    changes: 'set sealed on a memfd retrieved under memfd-v1: EPERM',
  },
  {
    id: 'C6',
    title: 'iommufd checks each mapped area in turn, with the seals it had when it was mapped',
    before: 'every memfd seal was checked first, then every lookup; a later seal counted',
    source:
      '[PATCH 11/14] iommufd-lu: Persist iommu hardware pagetables for live update (3 Feb 2026): seals sampled at IOAS map time (pages->seals)',
    version: VERSION,
    changes: 'PRESERVE_FD of an iommufd (memfd-deps revision)',
  },
  {
    id: 'C7',
    title: 'the vCPU rules come from vmm.rst; the caretaker code keeps a preserved vCPU running',
    before: 'the vCPU rules were stated as the code',
    source:
      'soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850 kvm_vcpu_luo_preserve(); Documentation/liveupdate/vmm.rst',
    version: VERSION,
    changes: 'reason text of vCPU steps',
  },
  {
    id: 'C8',
    title: 'RETRIEVE_FD on an outgoing session without the direction check is undefined',
    before: 'it "handed out the live file"',
    source:
      'torvalds/linux kernel/liveupdate/luo_file.c @00d0b372 luo_retrieve_file() runs .retrieve() on outgoing data',
    version: VERSION,
    changes: 'reason text of RETRIEVE_FD on an outgoing session with sessionDirectionCheck off',
  },
  {
    id: 'C9',
    title: "the KVM VM handler's .finish frees its metadata whenever it has serialized data",
    before: 'only when the VM was never retrieved',
    source: 'soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850 kvm_luo_finish()',
    version: VERSION,
    changes: 'no result: the text of the VM finish callback',
  },
  {
    id: 'C10',
    title: "variant B's EAGAIN would be remembered by every posted core",
    before: 'the reason said "not remembered, a retry may succeed" and nothing else',
    source:
      'torvalds/linux kernel/liveupdate/luo_file.c @00d0b372, soleen/linux @a81d456 luo_retrieve_file()',
    version: VERSION,
    changes: "reason text of variant B's strict-order refusal",
  },
];

/** The correction with this id. */
export function correctionById(id: CorrectionId): Correction {
  return CORRECTIONS.find((c) => c.id === id)!;
}

/** Switch defaults of a tree as they were before the corrections left out. */
export function switchDefaultsBefore(
  tree: TreeId,
  without: readonly CorrectionId[],
): Partial<Switches> {
  if (tree !== '2026-06') return {};
  return Object.assign({}, ...without.map((id) => correctionById(id).defaultsBefore ?? {}));
}
