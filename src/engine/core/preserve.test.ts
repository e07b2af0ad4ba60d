/**
 * LIVEUPDATE_SESSION_PRESERVE_FD and close() of an outgoing session (SEMANTICS §1.5, §1.8, §2.6,
 * TV-01, TV-03). Each order test builds a case where two checks fail at once; the earlier check
 * of §1.5 must win.
 */
import { describe, expect, it } from 'vitest';
import { gmem, iommufd, machine, memfd, pipe, vcpu, vm } from '../testing';

const files = [
  memfd('m1'),
  memfd('m2'),
  memfd('m3'),
  memfd('late', { boot: 1 }),
  pipe('p'),
  pipe('plate', { boot: 1 }),
  vm('vm'),
  gmem('g', 'vm'),
  vcpu('c', 'vm', { running: true }),
  memfd('sm', { sealed: true }),
  iommufd('i', ['sm']),
];

/** Session "s" holding m1 as token 1, with LUO_FILE_MAX = 1 so it is full. */
function full() {
  const lu = machine(files, 'A', { fileLimit: 1 });
  expect(lu.createSession('s')).toBe('ok');
  expect(lu.preserve('s', 'm1', 1)).toBe('ok');
  return lu;
}

describe('PRESERVE_FD: check order of luo_preserve_file() (§1.5)', () => {
  it('1 EEXIST beats 2 ENOSPC', () => {
    expect(full().preserve('s', 'm2', 1)).toBe('EEXIST');
  });

  it('2 ENOSPC beats 3 EBADF', () => {
    expect(full().preserve('s', 'late', 2)).toBe('ENOSPC');
  });

  it('2 ENOSPC beats 4 ENOENT (no handler)', () => {
    expect(full().preserve('s', 'p', 2)).toBe('ENOSPC');
  });

  it('2 ENOSPC beats 5 EBUSY (already preserved)', () => {
    expect(full().preserve('s', 'm1', 2)).toBe('ENOSPC');
  });

  it('1 EEXIST beats 3 EBADF, 4 ENOENT and 5 EBUSY', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'm1', 1);
    expect(lu.preserve('s', 'late', 1)).toBe('EEXIST');
    expect(lu.preserve('s', 'p', 1)).toBe('EEXIST');
    expect(lu.preserve('s', 'm1', 1)).toBe('EEXIST');
  });

  it('3 EBADF beats 4 ENOENT: a pipe the VMM has not opened yet', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'plate', 1)).toBe('EBADF');
  });

  it('4 ENOENT and 5 EBUSY cannot fail together: a file without a handler is never preserved', () => {
    const lu = machine(files, 'A', { doublePreserveCheck: true });
    lu.createSession('s');
    lu.createSession('t');
    expect(lu.preserve('s', 'p', 1)).toBe('ENOENT');
    expect(lu.preserve('t', 'p', 1)).toBe('ENOENT');
  });

  it('5 EBUSY beats 7 the handler errno (dependency lookup ENOENT)', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.createSession('t');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'g', 2);
    expect(lu.preserve('t', 'g', 1)).toBe('EBUSY');
    expect(lu.trace()).toEqual([]);
    lu.preserve('s', 'sm', 3);
    lu.preserve('s', 'i', 4);
    expect(lu.preserve('t', 'i', 2)).toBe('EBUSY');
  });

  it('7 the handler errno is returned verbatim (guest_memfd VM lookup -> ENOENT, via .preserve)', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'g', 2)).toBe('ENOENT');
    expect(lu.trace()).toEqual(['preserve(g)=ENOENT']);
  });

  it('7 a running vCPU is preserved: the caretaker keeps it running (correction C7)', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    expect(lu.preserve('s', 'c', 2)).toBe('ok');
    expect(lu.last?.reason).toMatch(/caretaker job keeps the running vCPU running.*C7/);
  });
});

describe('PRESERVE_FD: TV-01 core preserve errors', () => {
  it.each(['A', 'B', 'C', 'D'] as const)('variant %s', (v) => {
    const lu = machine(files, v);
    expect(lu.createSession('s')).toBe('ok');
    expect(lu.createSession('s', 't')).toBe('EEXIST');
    expect(lu.preserve('s', 'm1', 1)).toBe('ok');
    expect(lu.preserve('s', 'm2', 1)).toBe('EEXIST');
    expect(lu.preserve('s', 'm1', 2)).toBe('EBUSY');
    expect(lu.preserve('s', 'p', 3)).toBe('ENOENT');
    expect(lu.preserve('s', 'late', 4)).toBe('EBADF');
    expect(lu.tokens('s')).toEqual([1]);
  });

  it('success appends to the session list: preservation order = list order', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'm3', 30);
    lu.preserve('s', 'm1', 10);
    lu.preserve('s', 'm2', 20);
    expect(lu.tokens('s')).toEqual([30, 10, 20]);
  });

  it('the same token may be used in two sessions', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.createSession('t');
    expect(lu.preserve('s', 'm1', 1)).toBe('ok');
    expect(lu.preserve('t', 'm2', 1)).toBe('ok');
  });
});

describe('close() of an outgoing session: abort (§1.8, §2.6)', () => {
  it('TV-03: files unpreserved LIFO; the files can be preserved again; the name is free', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'm1', 1)).toBe('ok');
    expect(lu.preserve('s', 'vm', 2)).toBe('ok');
    expect(lu.preserve('s', 'g', 3)).toBe('ok');
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['unpreserve(g)', 'unpreserve(vm)', 'unpreserve(m1)']);
    expect(lu.createSession('s', 's2')).toBe('ok');
    expect(lu.preserve('s2', 'm1', 1)).toBe('ok');
    expect(lu.close('s2')).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.retrieveSession('s')).toBe('ENOENT');
  });

  it('the handle holds no fd afterwards -> EBADF', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.close('s');
    expect(lu.preserve('s', 'm1', 1)).toBe('EBADF');
    expect(lu.close('s')).toBe('EBADF');
  });

  it('closing one session leaves the others alone', () => {
    const lu = machine(files, 'A');
    lu.createSession('a');
    lu.createSession('b');
    lu.preserve('a', 'm1', 1);
    lu.preserve('b', 'm2', 1);
    lu.close('a');
    expect(lu.trace()).toEqual(['unpreserve(m1)']);
    expect(lu.kexec()).toBe('ok');
    expect(lu.retrieveSession('b')).toBe('ok');
    expect(lu.retrieveSession('a')).toBe('ENOENT');
  });
});
