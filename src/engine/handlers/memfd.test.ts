/**
 * memfd (`memfd-v1`, mm/memfd_luo.c): seals, freeze, retrieve, and what FINISH does to a memfd
 * nobody retrieved (SEMANTICS §2.5, §3; TRACE-FORMAT "Files", dataLoss).
 */
import { describe, expect, it } from 'vitest';
import { fileProps } from '../state';
import type { FileId } from '../types';
import { generic, machine, memfd } from '../testing';

const M = 'm' as FileId;

describe('memfd: sealed', () => {
  it('F_ADD_SEALS on an unsealed memfd -> 0', () => {
    const lu = machine([memfd('m')], 'A');
    expect(lu.set('m', 'sealed', true)).toBe('ok');
    expect(fileProps(lu.state, M).sealed).toBe(true);
  });

  it('sealing twice -> 0 (seals only accumulate)', () => {
    const lu = machine([memfd('m', { sealed: true })], 'A');
    expect(lu.set('m', 'sealed', true)).toBe('ok');
  });

  it('removing seals -> EPERM, sealed from the document or from a set step', () => {
    const lu = machine([memfd('a', { sealed: true }), memfd('b')], 'A');
    expect(lu.set('a', 'sealed', false)).toBe('EPERM');
    expect(lu.set('b', 'sealed', true)).toBe('ok');
    expect(lu.set('b', 'sealed', false)).toBe('EPERM');
    expect(fileProps(lu.state, 'b' as FileId).sealed).toBe(true);
  });

  it('sealing a memfd the VMM has no fd for (created in boot 1) -> EBADF', () => {
    const lu = machine([memfd('m', { boot: 1 })], 'A');
    expect(lu.set('m', 'sealed', true)).toBe('EBADF');
    expect(lu.kexec()).toBe('ok');
    expect(lu.set('m', 'sealed', true)).toBe('ok');
  });

  it('seals are not preserved: the retrieved memfd is a new, unsealed file (§3)', () => {
    const lu = machine([memfd('m', { sealed: true })], 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'm', 1)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(fileProps(lu.state, M).sealed).toBe(false);
    expect(lu.set('m', 'sealed', false)).toBe('ok');
  });
});

describe('memfd: callbacks', () => {
  it('preserve, then freeze at kexec, retrieve, finish with status 1', () => {
    const lu = machine([memfd('m')], 'A');
    expect(lu.createSession('s')).toBe('ok');
    expect(lu.preserve('s', 'm', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['preserve(m)']);
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(m)']);
    expect(lu.retrieveSession('s')).toBe('ok');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(m)']);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(m,1)']);
    expect(lu.outcome().dataLoss).toEqual([]);
  });

  it('abort: close() of the outgoing session -> unpreserve(m)', () => {
    const lu = machine([memfd('m')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['unpreserve(m)']);
  });

  it('memfd has no .unfreeze: a later freeze failure rolls back nothing for it', () => {
    const lu = machine([memfd('m'), generic('bad', [], { freezeError: 'EIO' })], 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.preserve('s', 'bad', 2);
    expect(lu.kexec()).toBe('EIO');
    expect(lu.trace()).toEqual(['freeze(m)', 'freeze(bad)=EIO']);
  });

  it('no can_finish: FINISH with an unretrieved memfd succeeds in every variant', () => {
    for (const v of ['A', 'B', 'C', 'D'] as const) {
      const lu = machine([memfd('m')], v);
      lu.createSession('s');
      lu.preserve('s', 'm', 1);
      lu.kexec();
      lu.retrieveSession('s');
      expect(lu.finish('s')).toBe('ok');
      expect(lu.trace()).toEqual(['finish(m,0)']);
    }
  });
});

describe('memfd: contents', () => {
  it('FINISH of a memfd never retrieved -> 0, contents discarded (dataLoss)', () => {
    const lu = machine([memfd('m1'), memfd('m2')], 'A');
    lu.createSession('s');
    lu.preserve('s', 'm1', 1);
    lu.preserve('s', 'm2', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(m2,0)', 'finish(m1,1)']);
    expect(lu.outcome().dataLoss).toEqual(['m2']);
  });

  it('close() of the incoming session without RETRIEVE_FD -> implicit FINISH, dataLoss', () => {
    const lu = machine([memfd('m')], 'C');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(m,0)']);
    expect(lu.outcome().dataLoss).toEqual(['m']);
  });

  it('a memfd never preserved is simply gone after kexec (not dataLoss: nothing was preserved)', () => {
    const lu = machine([memfd('m')], 'A');
    expect(lu.kexec()).toBe('ok');
    expect(lu.outcome().dataLoss).toEqual([]);
  });
});
