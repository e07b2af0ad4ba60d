/**
 * torvalds/linux tools/testing/selftests/liveupdate/: liveupdate.c (one process, no reboot)
 * and the two-stage kexec tests (stage 1, kexec, stage 2 in one trace). Tree `v7.3`.
 */
import { memfd, memfds, op, title } from './trace.mjs';

const DIR = 'vectors/selftests/v7.3';
const REPO = 'torvalds/linux tools/testing/selftests/liveupdate';
const LU = `${REPO}/liveupdate.c @2f3f53a3735a`;
const base = { kernel: 'v7.3', variant: 'A' };

/**
 * One TEST_F(liveupdate_device, name) of liveupdate.c; `text` is { note, inferred,
 * notExpressed } (see `title`). Every close() of a session fd is asserted 0 in this file.
 */
const lu = (name, text, files, steps) => ({
  path: `${DIR}/liveupdate-${name}.json`,
  doc: { title: title(`${LU} TEST(${name})`, text), ...base, files, steps },
});

const CONTENTS = 'write() before preserve; lseek, read and STREQ of the contents';
const NOFILE = 'luo_ensure_nofile_limit (RLIMIT_NOFILE)';

/** liveupdate.c, every TEST_F in file order. */
export const liveupdate = [
  lu(
    'basic_open_close',
    { note: 'the open() is the one every boot starts with; the checked close() is closeDevice' },
    [],
    [op.closeDevice()],
  ),
  lu(
    'exclusive_open',
    { note: 'the first open() is the one every boot starts with; the second one is openDevice' },
    [],
    [op.openDevice('EBUSY')],
  ),
  lu(
    'create_duplicate_session',
    {},
    [],
    [
      op.create('duplicate-session-test', 'S1'),
      op.create('duplicate-session-test', 'S2', 'EEXIST'),
      op.close('S1'),
    ],
  ),
  lu(
    'create_distinct_sessions',
    {},
    [],
    [
      op.create('distinct-session-1', 'S1'),
      op.create('distinct-session-2', 'S2'),
      op.close('S1'),
      op.close('S2'),
    ],
  ),
  lu(
    'preserve_memfd',
    {
      note: 'token 0x1234',
      notExpressed: [`${CONTENTS} after the session is closed`, 'close(mem_fd)'],
    },
    [memfd('mem')],
    [op.create('preserve-memfd-test', 'S'), op.preserve('S', 'mem', 0x1234), op.close('S')],
  ),
  lu(
    'preserve_multiple_memfds',
    { note: 'tokens 0xAAAA, 0xBBBB', notExpressed: [CONTENTS, 'close() of the memfds'] },
    [memfd('mem1'), memfd('mem2')],
    [
      op.create('preserve-multi-memfd-test', 'S'),
      op.preserve('S', 'mem1', 0xaaaa),
      op.preserve('S', 'mem2', 0xbbbb),
      op.close('S'),
    ],
  ),
  lu(
    'preserve_complex_scenario',
    {
      note: 'tokens 0x1111, 0x2222, 0x3333, 0x4444',
      notExpressed: [`${CONTENTS} (the empty memfds read 0 bytes)`, 'close() of the memfds'],
    },
    [memfd('data1'), memfd('empty1'), memfd('data2'), memfd('empty2')],
    [
      op.create('complex-session-1', 'S1'),
      op.create('complex-session-2', 'S2'),
      op.preserve('S1', 'data1', 0x1111),
      op.preserve('S1', 'empty1', 0x2222),
      op.preserve('S2', 'data2', 0x3333),
      op.preserve('S2', 'empty2', 0x4444),
      op.close('S1'),
      op.close('S2'),
    ],
  ),
  lu(
    'preserve_unsupported_fd',
    {
      note: 'the fd of open("/dev/null") is written as a pipe (a file no handler accepts); token 0xDEAD',
      notExpressed: ['close(unsupported_fd)'],
    },
    [{ id: 'devnull', type: 'pipe' }],
    [
      op.create('unsupported-fd-test', 'S'),
      op.preserve('S', 'devnull', 0xdead, 'ENOENT'),
      op.close('S'),
    ],
  ),
  lu(
    'prevent_double_preservation',
    {
      note: 'tokens 0x1111, 0x2222, 0x3333',
      notExpressed: ['close(mem_fd) before the sessions are closed'],
    },
    [memfd('mem')],
    [
      op.create('double-preserve-session-1', 'S1'),
      op.create('double-preserve-session-2', 'S2'),
      op.preserve('S1', 'mem', 0x1111),
      op.preserve('S2', 'mem', 0x2222, 'EBUSY'),
      op.preserve('S1', 'mem', 0x3333, 'EBUSY'),
      op.close('S1'),
      op.close('S2'),
    ],
  ),
  lu(
    'create_session_no_null_termination',
    {
      note: 'the 64-byte name field filled with X and no NUL is written as a 64-character name of X',
    },
    [],
    [op.create('X'.repeat(64), 'S', 'EINVAL')],
  ),
  lu('create_session_empty_name', {}, [], [op.create('', 'S', 'EINVAL')]),
  lu(
    'get_session_name',
    { notExpressed: ['ASSERT_STREQ(name_buf, session_name) on the returned name'] },
    [],
    [op.create('get-name-test-session', 'S'), op.getName('S'), op.close('S')],
  ),
  lu(
    'get_session_name_max_length',
    { note: 'a 63-character name of A', notExpressed: ['ASSERT_STREQ on the returned name'] },
    [],
    [op.create('A'.repeat(63), 'S'), op.getName('S'), op.close('S')],
  ),
  lu(
    'preserve_many_sessions',
    {
      note: '2000 sessions many-session-0..1999, each handle named as its session',
      notExpressed: [NOFILE],
    },
    [],
    [
      ...Array.from({ length: 2000 }, (_, i) => op.create(`many-session-${i}`)),
      ...Array.from({ length: 2000 }, (_, i) => op.close(`many-session-${i}`)),
    ],
  ),
  lu(
    'preserve_many_files',
    {
      note: '500 memfds, token i for memfd i',
      notExpressed: [NOFILE, 'close(mem_fds[i]) before the session is closed'],
    },
    memfds('mem', 500),
    [
      op.create('many-files-test', 'S'),
      ...Array.from({ length: 500 }, (_, i) => op.preserve('S', `mem${i}`, i)),
      op.close('S'),
    ],
  ),
];
