/**
 * Kernel trees (SEMANTICS §8.5), read like the kernel's selftests: a tree, a sequence of
 * ioctls, the errno of each. Each rule a tree adds is tested where it differs from 2026-06.
 */
import { describe, expect, it } from 'vitest';
import { resolveSwitches } from '../switches';
import { gmem, iommufd, machine, memfd, treeMachine, vfio, vm } from '../testing';
import { TREES, TREE_IDS, treeById } from './index';

describe('the four trees', () => {
  it('are data: dated, with handlers, switch defaults and sourced rules', () => {
    expect(TREES.map((t) => t.id)).toEqual([...TREE_IDS]);
    for (const t of TREES) {
      expect(t.date).toMatch(/^2026-\d\d-\d\d$/);
      expect(t.handlers).toContain('memfd');
      expect(t.rules.length).toBeGreaterThan(0);
      for (const r of t.rules) expect(r.source.length).toBeGreaterThan(10);
    }
  });

  it('set the defaults of TRACE-FORMAT, the variant the ordering switches', () => {
    expect(resolveSwitches('A', {}, 'v7.3')).toMatchObject({
      memfdSeals: 'preserved',
      stickyRetrieveErrors: 'all',
      sessionFreeze: false,
      depLookupPhase: 'preserve',
    });
    expect(resolveSwitches('C', {}, 'posted-2026-09')).toMatchObject({
      iommufdRevision: 'hwpt',
      vfioFinishRequiresBind: true,
      retrievedFilesBusy: true,
      depLookupPhase: 'freeze',
    });
    expect(resolveSwitches('C', {}, 'proposed-2026-10')).toMatchObject({
      stickyRetrieveErrors: 'retryable',
      sessionFreeze: true,
    });
    expect(treeById('proposed-2026-10').handlers).toEqual(treeById('posted-2026-09').handlers);
  });
});

describe('v7.3: memfd is the only handler', () => {
  it('PRESERVE_FD of a VM fd -> ENOENT, no callback; a memfd -> 0', () => {
    const lu = treeMachine([vm('vm'), memfd('m')], 'v7.3', 'A');
    lu.createSession('s');
    expect(lu.preserve('s', 'vm', 1)).toBe('ENOENT');
    expect(lu.trace()).toEqual([]);
    expect(lu.last?.reason).toMatch(/kernel tree v7.3 has no LUO handler for a kvm-vm/);
    expect(lu.preserve('s', 'm', 2)).toBe('ok');
  });

  it('memfd-v2 keeps the seals across kexec; a sealed memfd stays sealed', () => {
    const lu = treeMachine([memfd('m', { sealed: true })], 'v7.3', 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.kexec();
    lu.retrieveSession('s');
    lu.retrieve('s', 1);
    // Removing a seal stays impossible: the restored file still carries F_SEAL_SEAL.
    expect(lu.set('m', 'sealed', false)).toBe('EPERM');
  });

  it('memfd-v1 (2026-06): the restored memfd has no seals and cannot get any (C5)', () => {
    const lu = machine([memfd('m', { sealed: true })], 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.kexec();
    lu.retrieveSession('s');
    lu.retrieve('s', 1);
    expect(lu.set('m', 'sealed', false)).toBe('ok');
    expect(lu.set('m', 'sealed', true)).toBe('EPERM');
  });

  it('a hugetlb memfd has no handler in any tree -> ENOENT', () => {
    for (const tree of TREE_IDS) {
      const lu = treeMachine([memfd('h', { hugetlb: true })], tree, 'A');
      lu.createSession('s');
      expect(lu.preserve('s', 'h', 1)).toBe('ENOENT');
      expect(lu.last?.reason).toMatch(/hugetlb/);
    }
  });
});

describe('posted-2026-09', () => {
  it('the seed example under C: preserve gmem first, retrieve it alone, FINISH: orphan', () => {
    const lu = treeMachine([vm('vm'), gmem('g', 'vm')], 'posted-2026-09', 'C');
    lu.createSession('s');
    expect(lu.preserve('s', 'g', 2)).toBe('ok');
    expect(lu.preserve('s', 'vm', 1)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.outcome().orphans).toEqual([{ file: 'g', dependsOn: 'vm', detected: false }]);
  });

  it('iommufd hwpt: an unsealed memfd is no obstacle; FINISH waits for the HWPTs', () => {
    const files = [memfd('m'), iommufd('i', ['m']), vfio('d', 'i')];
    const lu = treeMachine(files, 'posted-2026-09', 'C');
    lu.createSession('s');
    expect(lu.preserve('s', 'i', 1)).toBe('ok');
    expect(lu.preserve('s', 'd', 2)).toBe('ok');
    lu.kexec();
    lu.retrieveSession('s');
    lu.retrieve('s', 1);
    lu.retrieve('s', 2);
    lu.set('d', 'bound', true);
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.last?.reason).toMatch(/HWPT was not restored/);
    expect(lu.set('i', 'hwptRestored', true)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
  });

  it('every retrieve error is remembered ("all"): strict order under B fails for good', () => {
    const lu = treeMachine([vm('vm'), gmem('g', 'vm')], 'posted-2026-09', 'B');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'g', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    lu.retrieve('s', 1);
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.trace()).toEqual([]);
  });
});

describe('proposed-2026-10: LIVEUPDATE_SESSION_FREEZE (soleen liveupdate.c session_freeze)', () => {
  const files = [memfd('m1'), memfd('m2'), memfd('m3')];

  it('FREEZE -> 0; PRESERVE_FD after it -> EBUSY; FREEZE again -> EBUSY', () => {
    const lu = treeMachine(files, 'proposed-2026-10', 'C');
    lu.createSession('s');
    lu.preserve('s', 'm1', 1);
    lu.preserve('s', 'm2', 2);
    expect(lu.freezeSession('s')).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(m1)', 'freeze(m2)']);
    expect(lu.preserve('s', 'm3', 3)).toBe('EBUSY');
    expect(lu.freezeSession('s')).toBe('EBUSY');
  });

  it('kexec does not freeze a frozen session again', () => {
    const lu = treeMachine(files, 'proposed-2026-10', 'C');
    lu.createSession('s');
    lu.createSession('t');
    lu.preserve('s', 'm1', 1);
    lu.preserve('t', 'm2', 1);
    lu.freezeSession('s');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(m2)']);
    expect(lu.retrieveSession('s')).toBe('ok');
    expect(lu.retrieve('s', 1)).toBe('ok');
  });

  it('reserved != 0 -> EINVAL; an incoming session -> EINVAL', () => {
    const lu = treeMachine(files, 'proposed-2026-10', 'C');
    lu.createSession('s');
    lu.preserve('s', 'm1', 1);
    expect(lu.freezeSession('s', 1)).toBe('EINVAL');
    lu.kexec();
    lu.retrieveSession('s', 'in');
    expect(lu.freezeSession('in')).toBe('EINVAL');
  });

  it('close of a frozen session: unfreeze FIFO where a handler has it, then unpreserve LIFO', () => {
    const lu = treeMachine(files, 'proposed-2026-10', 'C');
    lu.createSession('s');
    lu.preserve('s', 'm1', 1);
    lu.preserve('s', 'm2', 2);
    lu.freezeSession('s');
    expect(lu.close('s')).toBe('ok');
    // memfd has no .unfreeze: only the unpreserves are called.
    expect(lu.trace()).toEqual(['unpreserve(m2)', 'unpreserve(m1)']);
    expect(lu.last?.reason).toMatch(/early freeze undone/);
  });

  it('a failed freeze rolls back inside the session and leaves it open', () => {
    const lu = treeMachine(
      [vfio('d1', null), vfio('d2', null, { irqsEnabled: true })],
      'proposed-2026-10',
      'C',
    );
    lu.createSession('s');
    lu.preserve('s', 'd1', 1);
    lu.preserve('s', 'd2', 2);
    expect(lu.freezeSession('s')).toBe('EINVAL');
    expect(lu.trace()).toEqual(['freeze(d1)', 'freeze(d2)=EINVAL']);
    expect(lu.outcome().devicesReset).toEqual(['d1']);
    lu.set('d2', 'irqsEnabled', false);
    expect(lu.freezeSession('s')).toBe('ok');
  });

  it('a tree without it: FREEZE -> EINVAL, an ioctl number past the table', () => {
    const lu = treeMachine(files, 'posted-2026-09', 'C');
    lu.createSession('s');
    expect(lu.freezeSession('s')).toBe('EINVAL');
    expect(lu.last?.fn).toBe('luo_session_ioctl');
  });

  it("retryable: variant B's refusal leaves retrieve_status at 0 and a retry succeeds", () => {
    const lu = treeMachine([vm('vm'), gmem('g', 'vm')], 'proposed-2026-10', 'B');
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'g', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.last?.reason).toMatch(/args->retryable/);
    lu.retrieve('s', 1);
    expect(lu.retrieve('s', 2)).toBe('ok');
  });
});

describe('every tree: GET_NAME and /dev/liveupdate (liveupdate.c)', () => {
  it.each(TREE_IDS)(
    '%s: open again -> EBUSY; close; CREATE_SESSION -> EBADF; open -> 0',
    (tree) => {
      const lu = treeMachine([memfd('m')], tree, 'A');
      lu.createSession('s');
      expect(lu.getSessionName('s')).toBe('ok');
      expect(lu.getSessionName('nope')).toBe('EBADF');
      expect(lu.openDevice()).toBe('EBUSY');
      expect(lu.closeDevice()).toBe('ok');
      expect(lu.closeDevice()).toBe('EBADF');
      expect(lu.createSession('t')).toBe('EBADF');
      // The session lives on in its own fd.
      expect(lu.preserve('s', 'm', 1)).toBe('ok');
      expect(lu.openDevice()).toBe('ok');
      expect(lu.createSession('t')).toBe('ok');
      // A new boot starts with /dev/liveupdate open.
      lu.closeDevice();
      lu.kexec();
      expect(lu.retrieveSession('s')).toBe('ok');
    },
  );
});

describe('khoFinalize "fails": mainline returns -EAGAIN without unfreezing', () => {
  it('every file froze, no .unfreeze() runs, a frozen vfio-pci stays reset, nothing reboots', () => {
    const lu = treeMachine([memfd('m'), vfio('d', null)], '2026-06', 'A', {
      khoFinalize: 'fails',
    });
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.preserve('s', 'd', 2);
    expect(lu.kexec()).toBe('EAGAIN');
    expect(lu.trace()).toEqual(['freeze(m)', 'freeze(d)']);
    expect(lu.last?.fn).toBe('kho_finalize');
    expect(lu.last?.reason).toMatch(/without unfreezing/);
    expect(lu.outcome()).toMatchObject({ boots: 0, devicesReset: ['d'] });
    expect(lu.tokens('s')).toEqual([1, 2]);
  });
});
