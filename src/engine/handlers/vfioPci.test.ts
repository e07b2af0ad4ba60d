/**
 * vfio-pci cdev: optional iommufd dependency looked up at preserve; freeze fails with EINVAL
 * while IRQs are enabled; can_finish needs retrieval (and `bound` with vfioFinishRequiresBind)
 * (SEMANTICS §2.3, §3, §4.1; TRACE-FORMAT "Files"; TV-14, TV-16).
 */
import { describe, expect, it } from 'vitest';
import { generic, iommufd, machine, memfd, vfio } from '../testing';

const files = [
  memfd('m', { sealed: true }),
  iommufd('i', ['m']),
  memfd('u'),
  iommufd('i2', ['u']),
  vfio('d', 'i'),
  vfio('lone', null),
  vfio('hot', null, { irqsEnabled: true }),
  generic('f'),
];

describe('vfio-pci: preserve', () => {
  it('not attached to an iommufd: no lookup, -> 0', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'lone', 1)).toBe('ok');
    expect(lu.trace()).toEqual(['preserve(lone)']);
  });

  it('TV-16: the preserve chain memfd -> iommufd -> device, and close() LIFO', () => {
    const lu = machine(files, 'B');
    lu.createSession('s');
    expect(lu.preserve('s', 'i', 3)).toBe('ENOENT');
    expect(lu.preserve('s', 'd', 4)).toBe('ENOENT');
    expect(lu.trace()).toEqual(['preserve(d)=ENOENT']);
    expect(lu.preserve('s', 'm', 1)).toBe('ok');
    expect(lu.preserve('s', 'i', 3)).toBe('ok');
    expect(lu.preserve('s', 'd', 4)).toBe('ok');
    expect(lu.preserve('s', 'u', 2)).toBe('ok');
    expect(lu.preserve('s', 'i2', 5)).toBe('EINVAL');
    expect(lu.tokens('s')).toEqual([1, 3, 4, 2]);
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual([
      'unpreserve(u)',
      'unpreserve(d)',
      'unpreserve(i)',
      'unpreserve(m)',
    ]);
  });

  it('iommufd preserved in another session -> ENOENT', () => {
    const lu = machine(files, 'C');
    lu.createSession('a');
    lu.createSession('b');
    lu.preserve('a', 'm', 1);
    lu.preserve('a', 'i', 2);
    expect(lu.preserve('b', 'd', 1)).toBe('ENOENT');
  });
});

describe('vfio-pci: freeze with IRQs enabled', () => {
  // Correction C2: vfio-pci's .freeze() resets the device and it has no .unfreeze()
  // (samikhawaja/linux drivers/vfio/pci/vfio_pci_liveupdate.c @03855e7).
  it('kexec -> EINVAL, earlier files unfrozen where they can be; the device stays reset', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'f', 1);
    lu.preserve('s', 'lone', 2);
    lu.preserve('s', 'hot', 3);
    expect(lu.kexec()).toBe('EINVAL');
    expect(lu.trace()).toEqual(['freeze(f)', 'freeze(lone)', 'freeze(hot)=EINVAL', 'unfreeze(f)']);
    expect(lu.last?.reason).toMatch(/"lone" stays reset.*no \.unfreeze\(\).*C2/);
    expect(lu.outcome().devicesReset).toEqual(['lone']);
    expect(lu.state.boot).toBe(0);
    expect(lu.tokens('s')).toEqual([1, 2, 3]);
    expect(lu.set('hot', 'irqsEnabled', false)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(f)', 'freeze(lone)', 'freeze(hot)']);
  });

  it('enabling IRQs after preserve is allowed; the kexec then fails', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'lone', 1);
    expect(lu.set('lone', 'irqsEnabled', true)).toBe('ok');
    expect(lu.kexec()).toBe('EINVAL');
  });
});

describe('vfio-pci: can_finish', () => {
  function incoming(vfioFinishRequiresBind: boolean) {
    const lu = machine(files, 'A', { vfioFinishRequiresBind });
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.preserve('s', 'i', 2);
    lu.preserve('s', 'd', 3);
    expect(lu.kexec()).toBe('ok');
    lu.retrieveSession('s');
    return lu;
  }

  it('not retrieved -> FINISH EBUSY; retrieved -> FINISH 0', () => {
    const lu = incoming(false);
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(i)', 'can_finish(d)=EBUSY']);
    expect(lu.retrieve('s', 3)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(d)']);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual([
      'can_finish(i)',
      'can_finish(d)',
      'finish(d,1)',
      'finish(i,1)',
      'finish(m,0)',
    ]);
  });

  it('vfioFinishRequiresBind: retrieved but not bound -> EBUSY; bind -> 0', () => {
    const lu = incoming(true);
    lu.retrieve('s', 2);
    lu.retrieve('s', 3);
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(i)', 'can_finish(d)=EBUSY']);
    expect(lu.set('d', 'bound', true)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
  });

  it('vfioFinishRequiresBind: binding before kexec does not carry over (new cdev)', () => {
    const lu = machine(files, 'A', { vfioFinishRequiresBind: true });
    lu.set('lone', 'bound', true);
    lu.createSession('s');
    lu.preserve('s', 'lone', 1);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.set('lone', 'bound', true)).toBe('EBADF');
    lu.retrieve('s', 1);
    expect(lu.finish('s')).toBe('EBUSY');
    lu.set('lone', 'bound', true);
    expect(lu.finish('s')).toBe('ok');
  });
});
