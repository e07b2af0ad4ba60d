/**
 * Scenarios at the size of a real VM (issue 14): `vm-64`, a VM with its guest_memfd and 64
 * vCPUs, and `vms-128`, LUO's old per-session limit of 128 files: two VMs with a guest_memfd
 * and 48 vCPUs each, eight memfds (one backs an iommufd) and 19 assigned vfio-pci devices.
 */
import type { FileSpec } from '../engine';
import type { Scenario } from './scenario';
import { file } from './scenario';

function vm(prefix: string, vcpus: number): FileSpec[] {
  return [
    file(`${prefix}`, 'kvm-vm'),
    file(`${prefix}-gmem`, 'guest_memfd', [prefix]),
    ...Array.from({ length: vcpus }, (_, i) => file(`${prefix}-vcpu${i}`, 'kvm-vcpu', [prefix])),
  ];
}

export const vm64: Scenario = {
  id: 'vm-64',
  title: 'A VM with its guest_memfd and 64 vCPUs (66 files)',
  description:
    'The vCPUs are stopped. Explore it to count every ordering exactly: the 64 vCPUs are ' +
    'interchangeable, so the explorer and the graph treat them as one class.',
  files: vm('vm', 64),
};

export const vms128: Scenario = {
  id: 'vms-128',
  title: 'Two VMs, memfds, an iommufd and 19 devices (128 files)',
  description:
    'Each VM has a guest_memfd and 48 vCPUs; ram0 backs the iommufd the devices are bound ' +
    'to. 128 files was LUO_FILE_MAX, the per-session limit of the 2025 series.',
  files: [
    ...vm('vm0', 48),
    ...vm('vm1', 48),
    file('ram0', 'memfd', [], { sealed: true }),
    ...Array.from({ length: 7 }, (_, i) => file(`ram${i + 1}`, 'memfd')),
    file('iommu', 'iommufd', ['ram0']),
    ...Array.from({ length: 19 }, (_, i) => file(`nic${i}`, 'vfio-pci', ['iommu'])),
  ],
};
