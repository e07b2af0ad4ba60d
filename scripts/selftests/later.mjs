/**
 * The LUO selftests of soleen's tree: session_freeze (tree `proposed-2026-10`) and the KVM
 * vCPU preservation test (tree `posted-2026-09`). Variant C: the later trees' own answer to
 * the ordering question (SEMANTICS §8.5); neither test depends on it.
 */
import {
  CLOSE_AFTER_FINISH,
  FRAME_INFERRED,
  FRAME_NOT_EXPRESSED,
  finishAndClose,
  reboot,
  stage2,
} from './stages.mjs';
import { memfd, op, title } from './trace.mjs';

const SOLEEN = 'soleen/linux tools/testing/selftests';

const sessionFreeze = {
  path: 'vectors/selftests/proposed-2026-10/liveupdate-session_freeze.json',
  doc: {
    title: title(`${SOLEEN}/liveupdate/liveupdate.c @4a80ff2f863b TEST(session_freeze)`, {
      note: 'tokens 0x1111, 0x2222',
      notExpressed: ['close() of the two memfds after the session is closed'],
    }),
    kernel: 'proposed-2026-10',
    variant: 'C',
    files: [memfd('mem1'), memfd('mem2')],
    steps: [
      op.create('session-freeze-test', 'S'),
      op.preserve('S', 'mem1', 0x1111),
      op.freeze('S'),
      op.freeze('S', 'EBUSY'),
      op.preserve('S', 'mem2', 0x2222, 'EBUSY'),
      op.close('S'),
    ],
  },
};

const VM = 0x2001;
const SLOT0 = 0x2002;
const VCPU = [0x2100, 0x2101];
const preserveVm = (s) => [
  op.preserve(s, 'vm', VM),
  op.preserve(s, 'slot0', SLOT0),
  op.preserve(s, 'vcpu0', VCPU[0]),
  op.preserve(s, 'vcpu1', VCPU[1]),
];

const VCPU_TEST = 'TEST(run_stage_1, kexec, run_stage_2)';
const vcpuPreservation = {
  path: 'vectors/selftests/posted-2026-09/vcpu_preservation_test-kexec.json',
  doc: {
    title: title(`${SOLEEN}/kvm/vcpu_preservation_test.c @84e2c5344467 ${VCPU_TEST}`, {
      note:
        'a 2-vCPU VM with a memfd-backed Slot 0 (tokens 0x2001 VM, 0x2002 memfd, 0x2100 and ' +
        '0x2101 vCPUs); three preserve/cancel rounds (session vcpu_cancel_session closed ' +
        'without kexec), then the preserve for kexec. The vCPUs are stopped between KVM_RUNs ' +
        'at every preserve; every other step is checked by TEST_ASSERT, luo_test() or fail_exit()',
      inferred: [
        'closeSession of each cancel session (close() unchecked; relied on: the next round ' +
          're-creates the name and preserves the same files again)',
        ...FRAME_INFERRED,
        CLOSE_AFTER_FINISH,
      ],
      notExpressed: [
        'every KVM_RUN and the guest and host checks of registers, MSRs, FPU and timer state',
        'the Slot 0 metadata read back (pread, mmap) and the VM rebuilt around the retrieved ' +
          'fds (vm_create_from_fd, vm_vcpu_add_from_fd), kvm_vm_free',
        ...FRAME_NOT_EXPRESSED,
      ],
    }),
    kernel: 'posted-2026-09',
    variant: 'C',
    files: [
      memfd('state'),
      { id: 'vm', type: 'kvm-vm' },
      memfd('slot0'),
      { id: 'vcpu0', type: 'kvm-vcpu', deps: ['vm'] },
      { id: 'vcpu1', type: 'kvm-vcpu', deps: ['vm'] },
    ],
    steps: [
      op.retrieveSession('vcpu_preservation_state', 'probe', 'ENOENT'),
      ...[1, 2, 3].flatMap((n) => [
        op.create('vcpu_cancel_session', `C${n}`),
        ...preserveVm(`C${n}`),
        op.close(`C${n}`),
      ]),
      op.create('vcpu_preservation_state', 'state'),
      op.preserve('state', 'state', 0x999),
      op.create('vcpu_preservation_session', 'S'),
      ...preserveVm('S'),
      ...reboot(),
      ...stage2('vcpu_preservation_state', 0x999),
      op.retrieveSession('vcpu_preservation_session', 'S1'),
      op.retrieve('S1', VM),
      op.retrieve('S1', SLOT0),
      op.retrieve('S1', VCPU[0]),
      op.retrieve('S1', VCPU[1]),
      ...finishAndClose('S1'),
      ...finishAndClose('state1'),
    ],
  },
};

export const soleen = [sessionFreeze, vcpuPreservation];
