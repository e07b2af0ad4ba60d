/**
 * The vfio-pci liveupdate selftests: samikhawaja's uapi test (each TEST_F over its IOMMU-mode
 * fixture variants) and kexec test, dmatlack's kexec test. Tree `posted-2026-09`, variant C.
 */
import { FRAME_INFERRED, FRAME_NOT_EXPRESSED, reboot, stage1, stage2 } from './stages.mjs';
import { memfd, op, title } from './trace.mjs';

const DIR = 'vectors/selftests/posted-2026-09';
const posted = { kernel: 'posted-2026-09', variant: 'C' };
const VFIO = 'tools/testing/selftests/vfio';
const UAPI = `samikhawaja/linux ${VFIO}/vfio_pci_liveupdate_uapi_test.c @b7f60a74f7ee`;

/** One TEST_F of the uapi test under some fixture variants: preserve one fd with token 0. */
const uapi = (name, variants, note, file, expect) => ({
  path: `${DIR}/vfio_pci_liveupdate_uapi_test-${name}-${variants.key}.json`,
  doc: {
    title: title(`${UAPI} TEST(${name})`, {
      note:
        `fixture variants ${variants.list}; ${note}; FIXTURE_SETUP creates session "session" ` +
        '(ASSERT_GE) and FIXTURE_TEARDOWN closes it',
      inferred: ['closeSession (the teardown close() is unchecked)'],
    }),
    ...posted,
    files: [file],
    steps: [op.create('session', 'S'), op.preserve('S', file.id, 0, expect), op.close('S')],
  },
});

const iommufdMode = { key: 'iommufd', list: 'iommufd' };
const groupModes = {
  key: 'group',
  list: 'vfio_type1_iommu, vfio_type1v2_iommu, iommufd_compat_type1, iommufd_compat_type1v2',
};
const vfioModes = { key: 'vfio', list: 'vfio_type1_iommu, vfio_type1v2_iommu' };
const compatModes = { key: 'iommufd_compat', list: 'iommufd_compat_type1, iommufd_compat_type1v2' };
const noHandler = (what) =>
  `the ${what} is written as a pipe (a file no LUO handler accepts: the vfio-pci handler ` +
  'takes cdev files only)';

const uapiTests = [
  uapi(
    'preserve_device',
    iommufdMode,
    'the cdev is bound and attached to an iommufd that is not preserved, and the test asserts ' +
      '0: written as a vfio-pci without deps (no iommufd lookup, as the handler does without ' +
      'CONFIG_IOMMU_LIVEUPDATE); with the iommufd as its dep the model answers ENOENT',
    { id: 'dev', type: 'vfio-pci', bound: true },
    'ok',
  ),
  uapi(
    'preserve_device',
    groupModes,
    noHandler('device fd from VFIO_GROUP_GET_DEVICE_FD'),
    { id: 'groupdev', type: 'pipe' },
    'ENOENT',
  ),
  uapi(
    'preserve_group_fails',
    groupModes,
    noHandler('group fd'),
    { id: 'group', type: 'pipe' },
    'ENOENT',
  ),
  uapi(
    'preserve_container_fails',
    vfioModes,
    noHandler('container fd (/dev/vfio/vfio)'),
    { id: 'container', type: 'pipe' },
    'ENOENT',
  ),
  uapi(
    'preserve_container_fails',
    compatModes,
    'the container fd is an open /dev/iommu, i.e. an iommufd file, and the test asserts ' +
      'ENOENT: that holds only where no iommufd handler is registered (the iommufd live-update ' +
      'support is not built), so it is written as a pipe; as an iommufd the model preserves it',
    { id: 'container', type: 'pipe' },
    'ENOENT',
  ),
];

const KEXEC_TEST = 'vfio_pci_liveupdate_kexec_test.c';
const TEST = 'TEST(before_kexec, kexec, after_kexec)';
const BDF = '0000:00:01.0';
const [STATE, DEVICE, MEMFD, IOMMUFD] = [0, 1, 2, 3];
const CHECKED = 'every other step is checked by VFIO_ASSERT_*, luo_test() or fail_exit()';
const FINISH_NE =
  'EBUSY for each FINISH the test asserts only non-zero (VFIO_ASSERT_NE(luo_session_finish(' +
  'session_fd), 0))';
const DMA =
  'the DMA mappings of the memfd and the memcpy through the selftest driver, MSI-X disabled ' +
  'before kexec (the device never has IRQs enabled at freeze)';
const STATE_LEFT = 'The state session is not finished: process exit closes it';

const samiKexec = {
  path: `${DIR}/vfio_pci_liveupdate_kexec_test-kexec-samikhawaja.json`,
  doc: {
    title: title(`samikhawaja/linux ${VFIO}/${KEXEC_TEST} @28ee7853c931 ${TEST}`, {
      note:
        `BDF ${BDF} stands for the device under test. The iommufd maps the unsealed memfd ` +
        'dma (memfd_create("dma-buffer", 0)) and is preserved after it, the device last. ' +
        `${STATE_LEFT}; ${CHECKED}`,
      inferred: [
        ...FRAME_INFERRED,
        FINISH_NE,
        'set dev bound (vfio_device_bind_iommufd, checked inside the library)',
        'set iommufd hwptRestored: IOMMU_HWPT_LU_RESTORE (asserted 0) and the preserved HWPT ' +
          'replaced by vfio_pci_device_attach_iommu',
      ],
      notExpressed: [
        'IOMMU_HWPT_LU_SET_PRESERVE on the HWPT before the iommufd is preserved (asserted 0)',
        'open() of the cdev after kexec (asserted -1 with errno EBUSY)',
        'the new IOAS and HWPT allocated after kexec',
        DMA,
        ...FRAME_NOT_EXPRESSED,
      ],
    }),
    ...posted,
    files: [
      memfd('state'),
      memfd('dma'),
      { id: 'iommufd', type: 'iommufd', deps: ['dma'] },
      { id: 'dev', type: 'vfio-pci', deps: ['iommufd'], bound: true },
    ],
    steps: [
      ...stage1(`state-${BDF}`, STATE),
      op.create(`device-${BDF}`, 'S'),
      op.preserve('S', 'dma', MEMFD),
      op.preserve('S', 'iommufd', IOMMUFD),
      op.preserve('S', 'dev', DEVICE),
      ...reboot(),
      ...stage2(`state-${BDF}`, STATE),
      op.retrieveSession(`device-${BDF}`, 'S1'),
      op.retrieve('S1', MEMFD),
      op.finish('S1', 'EBUSY'),
      op.retrieve('S1', DEVICE),
      op.finish('S1', 'EBUSY'),
      op.retrieve('S1', IOMMUFD),
      op.set('dev', 'bound', true),
      op.set('iommufd', 'hwptRestored', true),
      op.finish('S1'),
    ],
  },
};

const dmatlackKexec = {
  path: `${DIR}/vfio_pci_liveupdate_kexec_test-kexec-dmatlack.json`,
  doc: {
    title: title(`dmatlack/linux ${VFIO}/${KEXEC_TEST} @0c3274c8ae65 ${TEST}`, {
      note:
        'the device is bound and attached to an iommufd that is never preserved, and the test ' +
        "asserts its preserve 0: written as a vfio-pci without deps, as this tree's handler " +
        '(dmatlack drivers/vfio/pci/vfio_pci_liveupdate.c @125c6e9f25dc) looks no iommufd up. ' +
        `${STATE_LEFT}; ${CHECKED}`,
      inferred: [
        ...FRAME_INFERRED,
        FINISH_NE,
        'set dev bound (__vfio_pci_device_init binds it to a fresh iommufd, checked inside the ' +
          'library)',
      ],
      notExpressed: [
        'the fresh iommufd the device is bound to after kexec',
        DMA,
        ...FRAME_NOT_EXPRESSED,
      ],
    }),
    ...posted,
    files: [memfd('state'), { id: 'dev', type: 'vfio-pci', bound: true }, memfd('dma')],
    steps: [
      ...stage1('state-session', STATE),
      op.create('device-session', 'S'),
      op.preserve('S', 'dev', DEVICE),
      op.preserve('S', 'dma', MEMFD),
      ...reboot(),
      ...stage2('state-session', STATE),
      op.retrieveSession('device-session', 'S1'),
      op.finish('S1', 'EBUSY'),
      op.retrieve('S1', DEVICE),
      op.set('dev', 'bound', true),
      op.retrieve('S1', MEMFD),
      op.finish('S1'),
    ],
  },
};

export const vfio = [...uapiTests, samiKexec, dmatlackKexec];
