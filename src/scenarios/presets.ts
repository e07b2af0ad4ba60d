/** The scenarios the page offers (issue 3 "Presets"). */
import type { Scenario } from './scenario';
import { file } from './scenario';
import { vm64, vms128 } from './large';

export const seed: Scenario = {
  id: 'seed',
  title: "The thread's example: a VM and its guest_memfd",
  description:
    'Preserve vm, then gmem; kexec; retrieve gmem only and FINISH. Variant A finishes ' +
    'silently and leaves gmem orphaned; B refuses the retrieve with EAGAIN; D refuses FINISH ' +
    'with EBUSY until the VM fd is retrieved.',
  files: [file('vm', 'kvm-vm'), file('gmem', 'guest_memfd', ['vm'])],
};

export const vmFull: Scenario = {
  id: 'vm-full',
  title: 'A whole VM: vCPUs, guest memory, an iommufd and an assigned device',
  description:
    'The vCPUs are running (the caretaker code preserves them as they are) and the device has ' +
    "its interrupts on: turn the device's IRQs off (side panel) before kexec, or its freeze " +
    'fails and LUO rolls back. Preserve dependencies first, then retrieve everything, bind the ' +
    'device to its iommufd, and FINISH.',
  files: [
    file('vm', 'kvm-vm'),
    file('vcpu0', 'kvm-vcpu', ['vm'], { running: true }),
    file('vcpu1', 'kvm-vcpu', ['vm'], { running: true }),
    file('gmem', 'guest_memfd', ['vm']),
    file('ram', 'memfd', [], { sealed: true }),
    file('iommu', 'iommufd', ['ram']),
    file('nic', 'vfio-pci', ['iommu'], { irqsEnabled: true }),
  ],
};

export const vfioChain: Scenario = {
  id: 'vfio-chain',
  title: 'memfd -> iommufd -> two vfio devices',
  description:
    'The iommufd needs its sealed memfd preserved first, and each device its iommufd ' +
    '(ENOENT), in every variant. After kexec, FINISH waits (EBUSY) until every device is ' +
    'retrieved and bound to its iommufd.',
  files: [
    file('ram', 'memfd', [], { sealed: true }),
    file('iommu', 'iommufd', ['ram']),
    file('nic0', 'vfio-pci', ['iommu']),
    file('nic1', 'vfio-pci', ['iommu']),
  ],
};

export const cycle: Scenario = {
  id: 'cycle',
  title: 'Two files that depend on each other',
  description:
    "Pasha's argument: with a preserve-time lookup (A, B) neither file can go first, so both " +
    'preserves fail with ENOENT. With the lookup at freeze (C, D) both preserve and kexec ' +
    "succeeds, but RETRIEVE_FD of either never returns: a's .retrieve() asks for b, whose " +
    ".retrieve() asks for a again, and a's mutex is taken twice by one task (a deadlock in " +
    'the posted core).',
  files: [file('a', 'generic', ['b']), file('b', 'generic', ['a'])],
};

export const freezeFailure: Scenario = {
  id: 'freeze-failure',
  title: 'A freeze that fails, across two sessions',
  description:
    'Preserve ram into session "vmm", create a second session "aux" and preserve dev into it, ' +
    "then kexec: dev's .freeze() returns EIO, every frozen file of both sessions is unfrozen " +
    'and the system keeps running. Clear its freeze error in the side panel and kexec again.',
  files: [
    file('ram', 'memfd'),
    file('dev', 'generic', [], { freezeError: 'EIO' }),
    file('ctl', 'generic', ['dev']),
  ],
};

/** The presets of the scenario picker, in order; the first is the default. */
export const PRESETS: readonly Scenario[] = [
  seed,
  vmFull,
  vfioChain,
  cycle,
  freezeFailure,
  vm64,
  vms128,
];
