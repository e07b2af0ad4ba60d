/**
 * vfio-pci cdev (vfio-pci live-update patches [S26][S27]): an assigned device, optionally
 * attached to an iommufd that must be preserved first. Its freeze fails while IRQs are on.
 */
import type { FileHandler } from './handler';
import { OK, boolProp, fail } from './handler';

export const vfioPci: FileHandler = {
  type: 'vfio-pci',
  compatible: 'vfio-pci-v1',
  source: 'drivers/vfio/pci/vfio_pci_liveupdate.c',
  summary: 'an assigned PCI device (vfio cdev), attached to an iommufd',
  deps: { types: ['iommufd'], min: 0, max: 1, text: 'at most one iommufd' },
  props: [
    boolProp('irqsEnabled', 'interrupts enabled (must be off before kexec)', true),
    boolProp('bound', 'bound to its iommufd (VFIO_DEVICE_BIND_IOMMUFD)', true),
  ],
  holdsContents: false,
  preserve: (ctx) => {
    const dep = ctx.file.deps[0];
    if (dep === undefined) return { ok: true, note: 'not attached to an iommufd: no lookup' };
    const token = ctx.tokenOutgoing(dep);
    if (token === null) {
      return fail(
        'ENOENT',
        `vfio-pci.preserve: iommufd_device_preserve: iommufd "${dep}" is not preserved in ` +
          `session "${ctx.session}" (liveupdate_get_token_outgoing -> -ENOENT)`,
      );
    }
    return { ok: true, depTokens: [token] };
  },
  unpreserve: () => OK,
  freeze: (ctx) =>
    ctx.props.irqsEnabled
      ? fail('EINVAL', 'vfio-pci.freeze: interrupts still enabled -> -EINVAL, kexec aborted')
      : OK,
  unfreeze: () => OK,
  retrieve: () => ({ ok: true, note: 'vfio cdev re-created' }),
  canFinish: (ctx) => {
    if (ctx.entry.retrieveStatus <= 0) {
      return fail('EBUSY', 'vfio-pci.can_finish: device not retrieved yet -> false');
    }
    if (ctx.switches.vfioFinishRequiresBind && !ctx.props.bound) {
      return fail(
        'EBUSY',
        'vfio-pci.can_finish: cdev not bound to its iommufd -> false (vfioFinishRequiresBind)',
      );
    }
    return OK;
  },
  finish: () => OK,
};
