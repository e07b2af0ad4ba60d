/**
 * guest_memfd (`guest_memfd_luo_v1`): the VM lookup at preserve (A, B) or at freeze (C, D),
 * implicit (A, C, D) or strict (B) retrieval, and D's can_finish guard (SEMANTICS §3, §4.2–4.5,
 * TV-04, TV-05, TV-06, TV-08, TV-10).
 */
import { describe, expect, it } from 'vitest';
import { gmem, machine, memfd, vm } from '../testing';

const files = [vm('vm'), gmem('g', 'vm'), vm('vm2'), gmem('g2', 'vm2'), memfd('m1')];

/** Outgoing as TV-06: VM t=1, G t=2, kexec, RETRIEVE_SESSION. */
function tv06(variant: 'A' | 'B' | 'C' | 'D') {
  const lu = machine(files, variant);
  lu.createSession('s');
  expect(lu.preserve('s', 'vm', 1)).toBe('ok');
  expect(lu.preserve('s', 'g', 2)).toBe('ok');
  expect(lu.kexec()).toBe('ok');
  expect(lu.retrieveSession('s')).toBe('ok');
  return lu;
}

describe('guest_memfd: preserve-time lookup (A, B) — TV-04', () => {
  it.each(['A', 'B'] as const)('variant %s', (v) => {
    const lu = machine(files, v);
    lu.createSession('s');
    expect(lu.preserve('s', 'g', 2)).toBe('ENOENT');
    expect(lu.trace()).toEqual(['preserve(g)=ENOENT']);
    expect(lu.preserve('s', 'vm', 1)).toBe('ok');
    expect(lu.preserve('s', 'g', 2)).toBe('ok');
    // the lookup is per session: vm2 preserved only in "s" does not count for "s2"
    expect(lu.preserve('s', 'vm2', 3)).toBe('ok');
    lu.createSession('s2');
    expect(lu.preserve('s2', 'g2', 2)).toBe('ENOENT');
    expect(lu.tokens('s')).toEqual([1, 2, 3]);
    expect(lu.tokens('s2')).toEqual([]);
  });
});

describe('guest_memfd: freeze-time lookup (C, D) — TV-04, TV-05', () => {
  it.each(['C', 'D'] as const)('variant %s: preserve succeeds, kexec fails, fix, kexec', (v) => {
    const lu = machine(files, v);
    lu.createSession('s');
    expect(lu.preserve('s', 'g', 2)).toBe('ok');
    expect(lu.preserve('s', 'm1', 3)).toBe('ok');
    expect(lu.kexec()).toBe('ENOENT');
    expect(lu.trace()).toEqual(['freeze(g)=ENOENT']);
    expect(lu.state.boot).toBe(0);
    expect(lu.tokens('s')).toEqual([2, 3]);
    expect(lu.preserve('s', 'vm', 1)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual(['freeze(g)', 'freeze(m1)']);
    expect(lu.retrieveSession('s')).toBe('ok');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.retrieve('s', 3)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.outcome().orphans).toEqual([]);
  });

  it.each(['C', 'D'] as const)(
    'variant %s: VM preserved in another session -> kexec ENOENT',
    (v) => {
      const lu = machine(files, v);
      lu.createSession('s');
      lu.createSession('s2');
      expect(lu.preserve('s', 'vm2', 1)).toBe('ok');
      expect(lu.preserve('s2', 'g2', 2)).toBe('ok');
      expect(lu.kexec()).toBe('ENOENT');
      expect(lu.trace(true)).toEqual(['freeze(s2.g2)=ENOENT']);
    },
  );

  it('the recorded vm_token is the one found at freeze', () => {
    const lu = machine(files, 'C');
    lu.createSession('s');
    lu.preserve('s', 'g', 2);
    lu.preserve('s', 'vm', 7);
    expect(lu.kexec()).toBe('ok');
    expect(lu.incomingEntry('g')?.depTokens).toEqual([7]);
  });
});

describe('guest_memfd: implicit retrieval (A, C, D) — TV-06', () => {
  it.each(['A', 'C', 'D'] as const)('variant %s: RETRIEVE_FD(g) retrieves the VM too', (v) => {
    const lu = tv06(v);
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(g)', 'retrieve(vm)']);
    expect(lu.incomingEntry('vm')).toMatchObject({ retrieveStatus: 1, userRetrieved: false });
    expect(lu.incomingEntry('g')).toMatchObject({ retrieveStatus: 1, userRetrieved: true });
    // a later RETRIEVE_FD of the VM is idempotent: an fd, no second .retrieve()
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.trace()).toEqual([]);
    expect(lu.incomingEntry('vm')?.userRetrieved).toBe(true);
  });

  it.each(['A', 'C'] as const)(
    'variant %s: FINISH without the VM -> 0, orphan, undetected',
    (v) => {
      const lu = tv06(v);
      expect(lu.retrieve('s', 2)).toBe('ok');
      expect(lu.finish('s')).toBe('ok');
      expect(lu.trace()).toEqual(['finish(g,1)', 'finish(vm,1)']);
      expect(lu.retrieve('s', 1)).toBe('ENOENT');
      expect(lu.outcome().orphans).toEqual([{ file: 'g', dependsOn: 'vm', detected: false }]);
    },
  );
});

describe('guest_memfd: strict retrieval (B) — TV-08', () => {
  it('RETRIEVE_FD(g) before the VM -> EAGAIN, no side effect; VM, then g -> 0', () => {
    const lu = tv06('B');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.trace()).toEqual(['retrieve(g)=EAGAIN']);
    expect(lu.incomingEntry('vm')?.retrieveStatus).toBe(0);
    expect(lu.incomingEntry('g')?.retrieveStatus).toBe(0);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.trace()).toEqual(['retrieve(g)']);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.outcome()).toMatchObject({ orphans: [], dataLoss: [] });
  });

  it('g never retrieved: FINISH discards its memory (dataLoss, not an orphan)', () => {
    const lu = tv06('B');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(g,0)', 'finish(vm,0)']);
    expect(lu.outcome()).toMatchObject({ orphans: [], dataLoss: ['g'] });
  });
});

describe('guest_memfd: can_finish guard (D only) — TV-10', () => {
  it('variant D: FINISH refuses the orphan, then succeeds once the VM is retrieved', () => {
    const lu = tv06('D');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(g)=EBUSY']);
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['can_finish(g)', 'finish(g,1)', 'finish(vm,1)']);
    expect(lu.outcome().orphans).toEqual([]);
  });

  it('variant D: close() instead of FINISH -> session stuck, orphan detected', () => {
    const lu = tv06('D');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['can_finish(g)=EBUSY']);
    expect(lu.outcome()).toMatchObject({
      orphans: [{ file: 'g', dependsOn: 'vm', detected: true }],
      stuckSessions: ['s'],
    });
    expect(lu.retrieveSession('s')).toBe('EINVAL');
  });

  it('variant D: a gmem that was never retrieved passes can_finish (and is discarded)', () => {
    const lu = tv06('D');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['can_finish(g)', 'finish(g,0)', 'finish(vm,0)']);
    expect(lu.outcome().dataLoss).toEqual(['g']);
  });

  it.each(['A', 'B', 'C'] as const)('variant %s: no can_finish callback for g', (v) => {
    const lu = tv06(v);
    lu.retrieve('s', 1);
    lu.retrieve('s', 2);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(g,1)', 'finish(vm,1)']);
  });
});
