/**
 * iommufd (`iommufd-v1`): every memfd its HWPT maps must be sealed (EINVAL) and preserved in the
 * same session (ENOENT), sealing checked first; lookups at preserve in every variant; can_finish
 * is false until it is retrieved (SEMANTICS §3, §4.6; TRACE-FORMAT "Files"; TV-16).
 */
import { describe, expect, it } from 'vitest';
import { modelOf } from '../model';
import { VARIANTS } from '../switches';
import { iommufd, machine, memfd } from '../testing';

const files = [
  memfd('m', { sealed: true }),
  memfd('u'),
  memfd('m2', { sealed: true }),
  iommufd('i', ['m']),
  iommufd('iu', ['u']),
  iommufd('i2', ['m', 'm2']),
  iommufd('mixed', ['m', 'u']),
];

describe('iommufd: preserve', () => {
  it.each(VARIANTS)('variant %s: memfd not preserved -> ENOENT; preserved -> 0', (v) => {
    const lu = machine(files, v);
    lu.createSession('s');
    expect(lu.preserve('s', 'i', 3)).toBe('ENOENT');
    expect(lu.trace()).toEqual(['preserve(i)=ENOENT']);
    expect(lu.preserve('s', 'm', 1)).toBe('ok');
    expect(lu.preserve('s', 'i', 3)).toBe('ok');
    expect(lu.tokens('s')).toEqual([1, 3]);
  });

  it('unsealed memfd, preserved -> EINVAL', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'u', 1)).toBe('ok');
    expect(lu.preserve('s', 'iu', 2)).toBe('EINVAL');
  });

  it('unsealed and not preserved -> EINVAL wins over ENOENT', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'iu', 2)).toBe('EINVAL');
    // one memfd preserved and sealed, the other unsealed: EINVAL, whatever the order in deps
    expect(lu.preserve('s', 'm', 1)).toBe('ok');
    expect(lu.preserve('s', 'mixed', 3)).toBe('EINVAL');
  });

  // Correction C6: seals are sampled when the IOAS maps the memfd (pages->seals, [PATCH 11/14]
  // of the Feb 2026 IOMMU series): sealing it later does not help.
  it('sealing the memfd after the IOAS mapped it does not fix the EINVAL (C6)', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'u', 1);
    expect(lu.preserve('s', 'iu', 2)).toBe('EINVAL');
    expect(lu.set('u', 'sealed', true)).toBe('ok');
    expect(lu.preserve('s', 'iu', 2)).toBe('EINVAL');
    expect(lu.last?.reason).toMatch(/when the IOAS mapped it/);
  });

  it('each mapped area in turn: an unpreserved sealed memfd before an unsealed one -> ENOENT (C6)', () => {
    const lu = machine(
      [memfd('s1', { sealed: true }), memfd('u1'), iommufd('i2', ['s1', 'u1'])],
      'A',
    );
    lu.createSession('s');
    expect(lu.preserve('s', 'i2', 1)).toBe('ENOENT');
    lu.state = { ...lu.state, model: modelOf('2026-06', ['C6']) };
    expect(lu.preserve('s', 'i2', 1)).toBe('EINVAL');
  });

  it('every mapped memfd must be preserved in this session', () => {
    const lu = machine(files, 'C');
    lu.createSession('s');
    lu.createSession('t');
    expect(lu.preserve('s', 'm', 1)).toBe('ok');
    expect(lu.preserve('t', 'm2', 1)).toBe('ok');
    expect(lu.preserve('s', 'i2', 2)).toBe('ENOENT');
    expect(lu.preserve('t', 'i2', 2)).toBe('ENOENT');
  });
});

describe('iommufd: incoming', () => {
  function incoming() {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.preserve('s', 'i', 2);
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(m)']);
    expect(lu.retrieveSession('s')).toBe('ok');
    return lu;
  }

  it('FINISH before RETRIEVE_FD(i) -> EBUSY (can_finish false), nothing finished', () => {
    const lu = incoming();
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(i)=EBUSY']);
    expect(lu.tokens('s')).toEqual([1, 2]);
  });

  it('RETRIEVE_FD(i) re-creates the context (no implicit memfd retrieval); FINISH -> 0', () => {
    const lu = incoming();
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(i)']);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['can_finish(i)', 'finish(i,1)', 'finish(m,0)']);
    expect(lu.outcome().dataLoss).toEqual(['m']);
  });

  it('close() with i never retrieved -> session stuck', () => {
    const lu = incoming();
    expect(lu.close('s')).toBe('ok');
    expect(lu.outcome().stuckSessions).toEqual(['s']);
  });
});
