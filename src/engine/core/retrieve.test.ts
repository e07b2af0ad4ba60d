/**
 * LIVEUPDATE_SESSION_RETRIEVE_FD: `luo_retrieve_file()`, idempotent, any order
 * (SEMANTICS §1.6, §2.4; TV-12).
 */
import { describe, expect, it } from 'vitest';
import { hasFd } from '../state';
import type { FileId } from '../types';
import { gmem, machine, memfd, vm } from '../testing';

const files = [memfd('m1'), memfd('m2'), memfd('m3'), vm('vm'), gmem('g', 'vm')];

function incoming() {
  const lu = machine(files, 'A');
  lu.createSession('s');
  lu.preserve('s', 'm1', 1);
  lu.preserve('s', 'm2', 2);
  lu.preserve('s', 'm3', 3);
  lu.kexec();
  lu.retrieveSession('s');
  return lu;
}

describe('RETRIEVE_FD', () => {
  it('TV-12: a second RETRIEVE_FD of a token -> 0, no second .retrieve()', () => {
    const lu = incoming();
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(m1)']);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual([]);
    expect(lu.incomingEntry('m1')).toMatchObject({ retrieveStatus: 1, userRetrieved: true });
  });

  it('a token never preserved -> ENOENT, no callback', () => {
    const lu = incoming();
    expect(lu.retrieve('s', 99)).toBe('ENOENT');
    expect(lu.trace()).toEqual([]);
  });

  it('any order: retrieval is not tied to the preservation order', () => {
    const lu = incoming();
    expect(lu.retrieve('s', 3)).toBe('ok');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(m3,1)', 'finish(m2,1)', 'finish(m1,1)']);
  });

  it('gives the VMM an fd: the file can be preserved again for the next kexec', () => {
    const lu = incoming();
    expect(hasFd(lu.state, 'm2' as FileId)).toBe(false);
    lu.createSession('next');
    expect(lu.preserve('next', 'm2', 1)).toBe('EBADF');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(hasFd(lu.state, 'm2' as FileId)).toBe(true);
    // luo_retrieve_file() put it in luo_preserved_files; luo_file_finish() takes it out (C3).
    expect(lu.preserve('next', 'm2', 1)).toBe('EBUSY');
    expect(lu.last?.reason).toMatch(/luo_preserved_files.*correction C3/);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.preserve('next', 'm2', 1)).toBe('ok');
  });

  it('a kernel-internal retrieval gives no fd; RETRIEVE_FD later does', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'g', 2);
    lu.kexec();
    lu.retrieveSession('s');
    lu.retrieve('s', 2);
    expect(hasFd(lu.state, 'vm' as FileId)).toBe(false);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(hasFd(lu.state, 'vm' as FileId)).toBe(true);
  });

  it('RETRIEVE_FD on an outgoing session -> EINVAL', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'm1', 1);
    expect(lu.retrieve('s', 1)).toBe('EINVAL');
  });
});
