/**
 * The two-stage frame every kexec selftest shares (luo_test() and create_state_file() in
 * luo_test_utils.c / lib/lu_utils.c): stage 1 probes for the state session (ENOENT means
 * "stage 1"), creates it with one memfd holding the next stage number, runs the test's stage 1,
 * closes /dev/liveupdate and leaves a child holding the session fds; the reboot is done from
 * outside; stage 2 retrieves the state session and its memfd, then runs the test's stage 2.
 */
import { op } from './trace.mjs';

/** What the frame does that no trace op expresses. */
export const FRAME_NOT_EXPRESSED = [
  'the memfd contents (ftruncate, mmap and write before preserve; mmap and compare after ' +
    'retrieve; the stage number read back)',
  'the forked child that holds the session fds across the reboot (here they simply stay open)',
  'close() of memfd fds',
];

/** The frame's steps whose result the test relies on without checking it. */
export const FRAME_INFERRED = [
  'closeDevice (close(luo_fd) unchecked)',
  'kexec (done from outside the test, which relies on it)',
];

/** luo_test()'s probe and create_state_file(): the first steps of stage 1. */
export function stage1(stateName, stateToken, stateFile = 'state') {
  return [
    op.retrieveSession(stateName, 'probe', 'ENOENT'),
    op.create(stateName, 'state'),
    op.preserve('state', stateFile, stateToken),
  ];
}

/** The end of stage 1 and the reboot. */
export const reboot = () => [op.closeDevice(), op.kexec()];

/** luo_test() in the new kernel and restore_and_read_stage(): the first steps of stage 2. */
export function stage2(stateName, stateToken) {
  return [op.retrieveSession(stateName, 'state1'), op.retrieve('state1', stateToken)];
}

/** luo_session_finish() (checked) and close() (unchecked) of one retrieved session. */
export const finishAndClose = (handle) => [op.finish(handle), op.close(handle)];

/** The unchecked close() after each luo_session_finish(). */
export const CLOSE_AFTER_FINISH = 'closeSession after each FINISH (close() unchecked)';
