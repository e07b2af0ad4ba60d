/**
 * vfio-pci cdev (drivers/vfio/pci/vfio_pci_liveupdate.c [S26][S27][S50][S51]): an assigned
 * device, optionally attached to an iommufd that must be preserved first. Its `.freeze()`
 * fails while IRQs are on; otherwise it saves and resets the device, and there is no
 * `.unfreeze()`: a kexec rolled back after it leaves the device reset (correction C2).
 * `can_finish` needs the device retrieved and, in every posted series, opened after binding it
 * to its iommufd (`vfioFinishRequiresBind`, correction C4).
 */
import type { FileHandler, HandlerModule } from './handler';
import { OK, boolProp, fail } from './handler';

/** Before correction C2: `.unfreeze()` as if the device were untouched. */
const legacy: FileHandler = {
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
        ctx.corrected('C4')
          ? 'vfio-pci.can_finish: the device was not opened after binding it to its iommufd, ' +
              'so its incoming state is not consumed -> false (vfioFinishRequiresBind, in ' +
              'every posted series; correction C4)'
          : 'vfio-pci.can_finish: cdev not bound to its iommufd -> false (vfioFinishRequiresBind)',
      );
    }
    return OK;
  },
  finish: () => OK,
};

/** samikhawaja/linux @03855e7, dmatlack/linux @125c6e9: `.freeze()` resets, no `.unfreeze()`. */
const resetting: FileHandler = (({ unfreeze: _u, ...rest }) => ({
  ...rest,
  freeze: (ctx) =>
    ctx.props.irqsEnabled
      ? fail('EINVAL', 'vfio-pci.freeze: interrupts still enabled -> -EINVAL, kexec aborted')
      : {
          ok: true,
          resets: true,
          note: 'device state saved and the device reset (pci_load_saved_state, vfio_pci_core_try_reset)',
        },
}))(legacy);

/** The vfio-pci handler for the UI and the schema (type information). */
export const vfioPci = legacy;

export const vfioPciModule: HandlerModule = {
  type: 'vfio-pci',
  revisions: [resetting],
  select: (_switches, corrected) => (corrected('C2') ? resetting : legacy),
};
