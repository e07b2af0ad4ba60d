/**
 * torvalds/linux tools/testing/selftests/liveupdate/luo_*.c: the kexec tests, each one trace
 * (stage 1, kexec, stage 2). Tree `v7.3`.
 */
import {
  CLOSE_AFTER_FINISH,
  FRAME_INFERRED,
  FRAME_NOT_EXPRESSED,
  finishAndClose,
  reboot,
  stage1,
  stage2,
} from './stages.mjs';
import { memfd, memfds, op, title } from './trace.mjs';

const DIR = 'vectors/selftests/v7.3';
const REPO = 'torvalds/linux tools/testing/selftests/liveupdate';
const base = { kernel: 'v7.3', variant: 'A' };
const TEST = 'TEST(run_stage_1, kexec, run_stage_2)';
const CHECKED = 'every other step is checked by luo_test() or fail_exit()';

/** One kexec test as one trace; `more` lists what the test itself adds that is not a step. */
const kexecTest = (source, commit, note, files, steps, more = []) => ({
  path: `${DIR}/${source}-kexec.json`,
  doc: {
    title: title(`${REPO}/${source}.c @${commit} ${TEST}`, {
      note: `${note}; ${CHECKED}`,
      inferred: [...FRAME_INFERRED, CLOSE_AFTER_FINISH],
      notExpressed: [...more, ...FRAME_NOT_EXPRESSED],
    }),
    ...base,
    files,
    steps,
  },
});

const range = (n) => Array.from({ length: n }, (_, i) => i);

export const kexecTests = [
  kexecTest(
    'luo_kexec_simple',
    '7b24dd46a70e',
    'one memfd, token 0x1A, in session test-session',
    [memfd('state'), memfd('mem')],
    [
      ...stage1('kexec_simple_state', 999),
      op.create('test-session', 'S'),
      op.preserve('S', 'mem', 0x1a),
      ...reboot(),
      ...stage2('kexec_simple_state', 999),
      op.retrieveSession('test-session', 'S1'),
      op.retrieve('S1', 0x1a),
      ...finishAndClose('S1'),
      ...finishAndClose('state1'),
    ],
  ),
  kexecTest(
    'luo_multi_session',
    '7b24dd46a70e',
    'two empty sessions, one with one memfd (0x1001), one with two (0x2002, 0x3003)',
    [memfd('state'), memfd('mfd1'), memfd('mfd2'), memfd('mfd3')],
    [
      ...stage1('kexec_multi_state', 998),
      op.create('multi-test-empty-1', 'E1'),
      op.create('multi-test-empty-2', 'E2'),
      op.create('multi-test-files-1', 'F1'),
      op.preserve('F1', 'mfd1', 0x1001),
      op.create('multi-test-files-2', 'F2'),
      op.preserve('F2', 'mfd2', 0x2002),
      op.preserve('F2', 'mfd3', 0x3003),
      ...reboot(),
      ...stage2('kexec_multi_state', 998),
      op.retrieveSession('multi-test-empty-1', 'E1b'),
      op.retrieveSession('multi-test-empty-2', 'E2b'),
      op.retrieveSession('multi-test-files-1', 'F1b'),
      op.retrieveSession('multi-test-files-2', 'F2b'),
      op.retrieve('F1b', 0x1001),
      op.retrieve('F2b', 0x2002),
      op.retrieve('F2b', 0x3003),
      ...['E1b', 'E2b', 'F1b', 'F2b', 'state1'].flatMap(finishAndClose),
    ],
  ),
  kexecTest(
    'luo_stress_files',
    '637315cb400e',
    '500 memfds in session many_files_session, token i for memfd i',
    [memfd('state'), ...memfds('mem', 500)],
    [
      ...stage1('kexec_many_files_state', 9999),
      op.create('many_files_session', 'S'),
      ...range(500).map((i) => op.preserve('S', `mem${i}`, i)),
      ...reboot(),
      ...stage2('kexec_many_files_state', 9999),
      op.retrieveSession('many_files_session', 'S1'),
      ...range(500).map((i) => op.retrieve('S1', i)),
      ...finishAndClose('S1'),
      ...finishAndClose('state1'),
    ],
  ),
  kexecTest(
    'luo_stress_sessions',
    '7b24dd46a70e',
    '2000 empty sessions many-test-0..1999, each handle named as its session in both boots',
    [memfd('state')],
    [
      ...stage1('kexec_many_state', 999),
      ...range(2000).map((i) => op.create(`many-test-${i}`)),
      ...reboot(),
      ...stage2('kexec_many_state', 999),
      ...range(2000).flatMap((i) => [
        op.retrieveSession(`many-test-${i}`),
        ...finishAndClose(`many-test-${i}`),
      ]),
      ...finishAndClose('state1'),
    ],
    ['luo_ensure_nofile_limit (RLIMIT_NOFILE)'],
  ),
];
