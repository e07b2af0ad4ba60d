/**
 * LIVEUPDATE_SESSION_FINISH and close() of an incoming session (SEMANTICS §1.7, §1.8, §2.5;
 * TV-06, TV-10, TV-12). can_finish runs FIFO and the first "no" refuses everything; finish runs
 * LIFO with each file's retrieve_status.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../step';
import type { SessionHandle } from '../types';
import { generic, gmem, machine, memfd, op, vfio, vm } from '../testing';

const files = [
  memfd('m1'),
  vm('vm'),
  gmem('g', 'vm'),
  memfd('m2'),
  vfio('d1', null),
  vfio('d2', null),
  generic('no', [], { canFinish: false }),
];

/** Preserve `ids` in session "s" with tokens 1..n, kexec, RETRIEVE_SESSION("s"). */
function incoming(ids: string[], variant: 'A' | 'B' | 'C' | 'D' = 'A') {
  const lu = machine(files, variant);
  lu.createSession('s');
  ids.forEach((id, i) => expect(lu.preserve('s', id, i + 1)).toBe('ok'));
  expect(lu.kexec()).toBe('ok');
  expect(lu.retrieveSession('s')).toBe('ok');
  return lu;
}

describe('FINISH: refusal is atomic (§1.7, §2.5)', () => {
  it('can_finish FIFO, stops at the first false; no finish callback; files kept', () => {
    const lu = incoming(['m1', 'd1', 'd2', 'm2']);
    expect(lu.retrieve('s', 2)).toBe('ok');
    // vfio-pci's can_finish needs the device opened after bind (correction C4).
    expect(lu.set('d1', 'bound', true)).toBe('ok');
    const before = lu.state;
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(d1)', 'can_finish(d2)=EBUSY']);
    expect(lu.state).toBe(before);
    expect(lu.tokens('s')).toEqual([1, 2, 3, 4]);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 3)).toBe('ok');
    expect(lu.set('d2', 'bound', true)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
  });

  it('a refusal late in the list still runs every earlier can_finish once', () => {
    const lu = incoming(['d1', 'm1', 'no']);
    lu.retrieve('s', 1);
    lu.set('d1', 'bound', true);
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(d1)', 'can_finish(no)=EBUSY']);
  });
});

describe('FINISH: success (§2.5)', () => {
  it('finish LIFO with retrieve_status: 1 retrieved (by user or kernel), 0 never', () => {
    const lu = incoming(['m1', 'vm', 'g', 'm2']);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 3)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(m2,0)', 'finish(g,1)', 'finish(vm,1)', 'finish(m1,1)']);
    expect(lu.last?.callbacks.map((c) => c.status)).toEqual([0, 1, 1, 1]);
    expect(lu.outcome().dataLoss).toEqual(['m2']);
  });

  it('a failed retrieve is finished with its negative errno (sticky "all")', () => {
    const lu = machine(files, 'B', { stickyRetrieveErrors: 'all' });
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'g', 2);
    lu.kexec();
    lu.retrieveSession('s');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(g,-11)', 'finish(vm,0)']);
  });

  it('TV-12: FINISH twice -> 0, the second with no callback; RETRIEVE_FD after -> ENOENT', () => {
    const lu = incoming(['m1']);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 99)).toBe('ENOENT');
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(m1,1)']);
    expect(lu.tokens('s')).toEqual([]);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual([]);
    expect(lu.retrieve('s', 1)).toBe('ENOENT');
  });

  it('FINISH of a session that never held a file -> 0', () => {
    const lu = incoming([]);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual([]);
  });

  it('reserved != 0 -> EINVAL before anything runs; state unchanged', () => {
    const lu = incoming(['d1']);
    const before = lu.state;
    const out = step(before, { op: 'finish', session: 's' as SessionHandle, reserved: 1 });
    expect(out.result.result).toBe('EINVAL');
    expect(out.result.callbacks).toEqual([]);
    expect(out.state).toBe(before);
    expect(lu.finish('s', 0xffffffff)).toBe('EINVAL');
  });

  it('the finished session stays: its fd works, close() later frees it', () => {
    const lu = incoming(['m1']);
    lu.retrieve('s', 1);
    lu.finish('s');
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual([]);
    expect(lu.retrieveSession('s', 'again')).toBe('ENOENT');
    expect(lu.outcome().stuckSessions).toEqual([]);
  });
});

describe('close() of an incoming session: implicit FINISH (§1.8)', () => {
  it('succeeds: same callbacks as FINISH, session freed, handle gone', () => {
    const lu = incoming(['m1', 'm2']);
    lu.retrieve('s', 1);
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(m2,0)', 'finish(m1,1)']);
    expect(lu.state.incoming.toArray()).toEqual([]);
    expect(lu.finish('s')).toBe('EBADF');
    expect(lu.outcome().dataLoss).toEqual(['m2']);
  });

  it('fails: close() returns 0, session stuck, files held, RETRIEVE_SESSION -> EINVAL', () => {
    const lu = incoming(['m1', 'd1']);
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['can_finish(d1)=EBUSY']);
    expect(lu.outcome().stuckSessions).toEqual(['s']);
    expect(lu.tokens('s')).toEqual([1, 2]);
    expect(lu.retrieveSession('s', 'again')).toBe('EINVAL');
    expect(lu.retrieve('s', 1)).toBe('EBADF');
    // no finish ran: the memfd is not (yet) discarded; it is at the next live update
    expect(lu.outcome().dataLoss).toEqual([]);
    expect(lu.kexec()).toBe('ok');
    expect(lu.outcome()).toMatchObject({ boots: 2, stuckSessions: ['s'], dataLoss: ['m1'] });
    expect(lu.retrieveSession('s')).toBe('ENOENT');
  });

  it('TV-10 variant D: the orphan makes the release fail -> stuck, detected', () => {
    const lu = incoming(['vm', 'g'], 'D');
    lu.retrieve('s', 2);
    expect(lu.close('s')).toBe('ok');
    expect(lu.outcome()).toEqual({
      boots: 1,
      orphans: [{ file: 'g', dependsOn: 'vm', detected: true }],
      dataLoss: [],
      stuckSessions: ['s'],
    });
  });

  it('TV-06 variant A: the release succeeds and orphans g silently', () => {
    const lu = incoming(['vm', 'g'], 'A');
    lu.retrieve('s', 2);
    expect(lu.close('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(g,1)', 'finish(vm,1)']);
    expect(lu.outcome().orphans).toEqual([{ file: 'g', dependsOn: 'vm', detected: false }]);
  });
});

describe('orphan detection is the dependency guard, not any can_finish', () => {
  it('under A a generic whose own can_finish says no is stuck, but its orphan is silent', () => {
    const files = [generic('dep'), generic('user', ['dep'], { canFinish: false })];
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'dep', 1);
    lu.preserve('s', 'user', 2);
    lu.kexec();
    lu.retrieveSession('s', 'in');
    expect(lu.retrieve('in', 2)).toBe('ok');
    expect(lu.close('in')).toBe('ok');
    expect(lu.outcome().stuckSessions).toEqual(['s']);
    expect(lu.outcome().orphans).toEqual([{ file: 'user', dependsOn: 'dep', detected: false }]);
  });
});

describe('FINISH and close() from the same state (the engine keeps the last answer)', () => {
  it('each answers as it does from a state of its own, with callbacks of its own', () => {
    for (const ids of [
      ['m1', 'vm', 'g'],
      ['m1', 'no', 'm2'],
    ]) {
      const lu = incoming(ids);
      expect(lu.retrieve('s', 3)).toBe('ok');
      const s = lu.state;
      const finish = step(s, op.finish('s'));
      const close = step(s, op.closeSession('s'));
      const closeAfter = step(finish.state, op.closeSession('s'));
      // A copy of the state is another key: answered from scratch.
      expect(close).toEqual(step({ ...s }, op.closeSession('s')));
      expect(finish).toEqual(step({ ...s }, op.finish('s')));
      expect(closeAfter).toEqual(step({ ...finish.state }, op.closeSession('s')));
      expect(close.result.callbacks).not.toBe(finish.result.callbacks);
      expect(close.result.callbacks.length).toBeGreaterThan(0);
    }
  });
});
