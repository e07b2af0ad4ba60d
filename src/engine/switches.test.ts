/**
 * Every value of every switch of SEMANTICS §4.1 in a small scenario, and the presets of
 * §4.2–4.5.
 */
import { describe, expect, it } from 'vitest';
import type { Switches } from './switches';
import {
  ALL_SWITCH_NAMES,
  SWITCH_NAMES,
  VARIANT_PRESETS,
  changedSwitches,
  resolveSwitches,
} from './switches';
import type { FileSpec, Result } from './types';
import { generic, gmem, iommufd, machine, memfd, runSteps, op, vfio, vm } from './testing';
import { createState } from './state';
import { outcomeOf } from './outcome';

const files = [vm('vm'), gmem('g', 'vm'), memfd('m1'), memfd('m2'), memfd('late', { boot: 1 })];

/** TV-06 outgoing (VM t=1, G t=2), kexec, RETRIEVE_SESSION. */
function tv06(sw: Partial<Switches>, variant: 'A' | 'B' | 'C' | 'D' = 'A') {
  const lu = machine(files, variant, sw);
  lu.createSession('s');
  expect(lu.preserve('s', 'vm', 1)).toBe('ok');
  expect(lu.preserve('s', 'g', 2)).toBe('ok');
  expect(lu.kexec()).toBe('ok');
  expect(lu.retrieveSession('s')).toBe('ok');
  return lu;
}

describe('presets (§4.2–4.5)', () => {
  const common = {
    strictErrno: 'EAGAIN',
    stickyRetrieveErrors: true,
    fileLimit: 'unlimited',
    doublePreserveCheck: true,
    sessionDirectionCheck: true,
    // Correction C4: every posted vfio-pci series needs the device bound and opened.
    vfioFinishRequiresBind: true,
    // The kernel-tree switches at their June 2026 values; retrievedFilesBusy by correction C3.
    memfdSeals: 'reset',
    iommufdRevision: 'memfd-deps',
    retrievedFilesBusy: true,
    sessionFreeze: false,
    khoFinalize: 'ok',
  };
  it('A: preserve-time lookup, implicit retrieval, no finish check', () => {
    expect(VARIANT_PRESETS.A).toEqual({
      ...common,
      depLookupPhase: 'preserve',
      incomingDepPolicy: 'implicit',
      finishDepCheck: 'none',
    });
  });
  it('B: preserve-time lookup, strict retrieval (EAGAIN), no finish check', () => {
    expect(VARIANT_PRESETS.B).toEqual({
      ...common,
      depLookupPhase: 'preserve',
      incomingDepPolicy: 'strict',
      finishDepCheck: 'none',
    });
  });
  it('C: freeze-time lookup, implicit retrieval, no finish check', () => {
    expect(VARIANT_PRESETS.C).toEqual({
      ...common,
      depLookupPhase: 'freeze',
      incomingDepPolicy: 'implicit',
      finishDepCheck: 'none',
    });
  });
  it('D: freeze-time lookup by default, implicit retrieval, can_finish guard', () => {
    expect(VARIANT_PRESETS.D).toEqual({
      ...common,
      depLookupPhase: 'freeze',
      incomingDepPolicy: 'implicit',
      finishDepCheck: 'canFinishUserRetrieved',
    });
  });
  it('resolveSwitches overrides; changedSwitches lists exactly the overrides', () => {
    const sw = resolveSwitches('D', { depLookupPhase: 'preserve', fileLimit: 128 });
    expect(sw.depLookupPhase).toBe('preserve');
    expect(changedSwitches('D', sw)).toEqual({ depLookupPhase: 'preserve', fileLimit: 128 });
    expect(changedSwitches('A', VARIANT_PRESETS.A)).toEqual({});
    expect([...ALL_SWITCH_NAMES].sort()).toEqual(Object.keys(VARIANT_PRESETS.A).sort());
    expect(ALL_SWITCH_NAMES.slice(0, SWITCH_NAMES.length)).toEqual([...SWITCH_NAMES]);
  });
});

describe('depLookupPhase', () => {
  it('preserve: PRESERVE_FD(g) before its VM -> ENOENT', () => {
    const lu = machine(files, 'A', { depLookupPhase: 'preserve' });
    lu.createSession('s');
    expect(lu.preserve('s', 'g', 2)).toBe('ENOENT');
  });

  it('freeze: PRESERVE_FD(g) -> 0, kexec -> ENOENT', () => {
    const lu = machine(files, 'A', { depLookupPhase: 'freeze' });
    lu.createSession('s');
    expect(lu.preserve('s', 'g', 2)).toBe('ok');
    expect(lu.kexec()).toBe('ENOENT');
  });

  it('D with preserve-time lookup: TV-10 gives the same result', () => {
    const lu = tv06({ depLookupPhase: 'preserve' }, 'D');
    lu.retrieve('s', 2);
    expect(lu.finish('s')).toBe('EBUSY');
    lu.retrieve('s', 1);
    expect(lu.finish('s')).toBe('ok');
  });

  it.each(['preserve', 'freeze'] as const)(
    '%s: iommufd and vfio-pci look up at preserve regardless (§4.6)',
    (phase) => {
      const lu = machine(
        [memfd('sm', { sealed: true }), iommufd('i', ['sm']), vfio('d', 'i')],
        'C',
        { depLookupPhase: phase },
      );
      lu.createSession('s');
      expect(lu.preserve('s', 'i', 2)).toBe('ENOENT');
      expect(lu.preserve('s', 'd', 3)).toBe('ENOENT');
    },
  );
});

describe('incomingDepPolicy', () => {
  it('implicit: RETRIEVE_FD(g) -> 0 and the VM is retrieved by the kernel', () => {
    const lu = tv06({ incomingDepPolicy: 'implicit' });
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.incomingEntry('vm')?.retrieveStatus).toBe(1);
  });

  it('strict: RETRIEVE_FD(g) -> EAGAIN and the VM stays un-retrieved', () => {
    const lu = tv06({ incomingDepPolicy: 'strict' });
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.incomingEntry('vm')?.retrieveStatus).toBe(0);
  });
});

describe('strictErrno', () => {
  it.each(['EAGAIN', 'ENOENT'] as const)('%s: the strict refusal returns it (TV-08)', (errno) => {
    const lu = tv06({ strictErrno: errno }, 'B');
    expect(lu.retrieve('s', 2)).toBe(errno);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 2)).toBe('ok');
    expect(lu.finish('s')).toBe('ok');
  });

  it.each(['EAGAIN', 'ENOENT'] as const)(
    '%s: not remembered under sticky=true or false, remembered under "all"',
    (errno) => {
      for (const sticky of [true, false] as const) {
        const lu = tv06({ strictErrno: errno, stickyRetrieveErrors: sticky }, 'B');
        expect(lu.retrieve('s', 2)).toBe(errno);
        expect(lu.incomingEntry('g')?.retrieveStatus).toBe(0);
      }
      const lu = tv06({ strictErrno: errno, stickyRetrieveErrors: 'all' }, 'B');
      expect(lu.retrieve('s', 2)).toBe(errno);
      lu.retrieve('s', 1);
      expect(lu.retrieve('s', 2)).toBe(errno);
      expect(lu.trace()).toEqual([]);
    },
  );

  it('does not change anything under implicit retrieval', () => {
    const steps = [op.retrieve('s', 2), op.finish('s'), op.retrieve('s', 1)];
    const a = runSteps(tv06({ strictErrno: 'EAGAIN' }).state, steps);
    const b = runSteps(tv06({ strictErrno: 'ENOENT' }).state, steps);
    expect(b.results).toEqual(a.results);
    expect(outcomeOf(b.state)).toEqual(outcomeOf(a.state));
  });
});

describe('finishDepCheck', () => {
  it('none: FINISH -> 0 and g is orphaned', () => {
    const lu = tv06({ finishDepCheck: 'none' }, 'C');
    lu.retrieve('s', 2);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.outcome().orphans).toHaveLength(1);
  });

  it('canFinishUserRetrieved: FINISH -> EBUSY (also with variant A lookups)', () => {
    const lu = tv06({ finishDepCheck: 'canFinishUserRetrieved' }, 'A');
    lu.retrieve('s', 2);
    expect(lu.finish('s')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(g)=EBUSY']);
  });
});

describe('stickyRetrieveErrors', () => {
  // With the engine's handlers only the strict-order refusal can fail a retrieve, and it is
  // transient: true and false therefore give identical runs.
  it('true and false: the same run (the strict refusal is never remembered)', () => {
    const steps = [op.retrieve('s', 2), op.retrieve('s', 1), op.retrieve('s', 2), op.finish('s')];
    const t = runSteps(tv06({ stickyRetrieveErrors: true }, 'B').state, steps);
    const f = runSteps(tv06({ stickyRetrieveErrors: false }, 'B').state, steps);
    expect(t.results.map((r) => r.result)).toEqual(['EAGAIN', 'ok', 'ok', 'ok']);
    expect(f.results.slice(1)).toEqual(t.results.slice(1));
    expect(outcomeOf(f.state)).toEqual(outcomeOf(t.state));
    // The reasons differ: under `true` the refusal says what every posted core does (C10).
    expect(f.results[0]!.reason).toMatch(/; not remembered, a retry may succeed$/);
    expect(t.results[0]!.reason).toMatch(
      /every posted core stores every retrieve error .* guest memory leaked at FINISH .*correction C10/,
    );
  });

  it('"all" (TV-09): a gmem retrieved before its VM is refused forever, contents lost', () => {
    const lu = tv06({ stickyRetrieveErrors: 'all' }, 'B');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.trace()).toEqual(['retrieve(g)=EAGAIN']);
    expect(lu.retrieve('s', 1)).toBe('ok');
    expect(lu.retrieve('s', 2)).toBe('EAGAIN');
    expect(lu.trace()).toEqual([]);
    expect(lu.finish('s')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(g,-11)', 'finish(vm,1)']);
    expect(lu.outcome()).toMatchObject({ dataLoss: ['g'], orphans: [] });
  });
});

describe('fileLimit', () => {
  const many: FileSpec[] = Array.from({ length: 130 }, (_, i) => memfd(`m${i}`));
  function fill(limit: number | 'unlimited'): Result[] {
    const state = createState(many, resolveSwitches('A', { fileLimit: limit }));
    const steps = [op.createSession('s'), ...many.map((f, i) => op.preserve('s', f.id, i))];
    return runSteps(state, steps)
      .results.slice(1)
      .map((r) => r.result);
  }

  it('128: the 129th PRESERVE_FD -> ENOSPC', () => {
    const r = fill(128);
    expect(r.slice(0, 128).every((x) => x === 'ok')).toBe(true);
    expect(r[128]).toBe('ENOSPC');
    expect(r[129]).toBe('ENOSPC');
  });

  it('2: the third -> ENOSPC; closing the session frees the room', () => {
    const lu = machine(files, 'A', { fileLimit: 2 });
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'm1', 2);
    expect(lu.preserve('s', 'm2', 3)).toBe('ENOSPC');
    lu.createSession('t');
    expect(lu.preserve('t', 'm2', 3)).toBe('ok');
  });

  it('unlimited: 130 files -> 0', () => {
    expect(fill('unlimited').every((x) => x === 'ok')).toBe(true);
  });
});

describe('doublePreserveCheck', () => {
  it('on: the same file again -> EBUSY (same session or another)', () => {
    const lu = machine(files, 'A', { doublePreserveCheck: true });
    lu.createSession('s');
    lu.createSession('t');
    lu.preserve('s', 'm1', 1);
    expect(lu.preserve('s', 'm1', 2)).toBe('EBUSY');
    expect(lu.preserve('t', 'm1', 1)).toBe('EBUSY');
  });

  it('off: allowed twice; both tokens reach the next kernel', () => {
    const lu = machine(files, 'A', { doublePreserveCheck: false });
    lu.createSession('s');
    lu.createSession('t');
    lu.preserve('s', 'm1', 1);
    expect(lu.preserve('s', 'm1', 2)).toBe('ok');
    expect(lu.preserve('t', 'm1', 1)).toBe('ok');
    expect(lu.kexec()).toBe('ok');
    expect(lu.tokens('s')).toEqual([1, 2]);
    expect(lu.tokens('t')).toEqual([1]);
  });
});

describe('sessionDirectionCheck', () => {
  function boot1(check: boolean) {
    const lu = machine([...files, vfio('d', null, { boot: 1 })], 'A', {
      sessionDirectionCheck: check,
    });
    lu.createSession('s');
    lu.preserve('s', 'm1', 1);
    lu.kexec();
    lu.retrieveSession('s', 'in');
    lu.createSession('out');
    return lu;
  }

  it('on: PRESERVE_FD incoming, RETRIEVE_FD outgoing, FINISH outgoing -> EINVAL', () => {
    const lu = boot1(true);
    expect(lu.preserve('in', 'late', 2)).toBe('EINVAL');
    lu.preserve('out', 'late', 1);
    expect(lu.retrieve('out', 1)).toBe('EINVAL');
    expect(lu.finish('out')).toBe('EINVAL');
  });

  it('off: PRESERVE_FD on an incoming session joins its list and ends with it', () => {
    const lu = boot1(false);
    expect(lu.preserve('in', 'late', 2)).toBe('ok');
    expect(lu.tokens('s')).toEqual([1, 2]);
    expect(lu.retrieve('in', 1)).toBe('ok');
    expect(lu.finish('in')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(late,0)', 'finish(m1,1)']);
    expect(lu.kexec()).toBe('ok');
    expect(lu.retrieveSession('s')).toBe('ENOENT');
  });

  it('off: RETRIEVE_FD on an outgoing session -> 0 for a preserved token, no callback', () => {
    const lu = boot1(false);
    lu.preserve('out', 'late', 1);
    expect(lu.retrieve('out', 1)).toBe('ok');
    expect(lu.trace()).toEqual([]);
    expect(lu.retrieve('out', 2)).toBe('ENOENT');
  });

  it('off: FINISH on an outgoing session finishes and empties it before kexec', () => {
    const lu = boot1(false);
    lu.retrieve('in', 1);
    // m1 stays in the preserved-files table until "in" is finished (correction C3).
    expect(lu.preserve('out', 'm1', 1)).toBe('EBUSY');
    expect(lu.finish('in')).toBe('ok');
    lu.preserve('out', 'm1', 1);
    lu.preserve('out', 'late', 2);
    expect(lu.finish('out')).toBe('ok');
    expect(lu.trace()).toEqual(['finish(late,0)', 'finish(m1,0)']);
    expect(lu.tokens('out')).toEqual([]);
    expect(lu.kexec()).toBe('ok');
    expect(lu.trace()).toEqual([]);
  });

  it('off: FINISH on an outgoing session still honours can_finish', () => {
    const lu = boot1(false);
    lu.createSession('o2');
    lu.preserve('o2', 'd', 1);
    expect(lu.finish('o2')).toBe('EBUSY');
    expect(lu.trace()).toEqual(['can_finish(d)=EBUSY']);
  });
});

describe('vfioFinishRequiresBind', () => {
  function run(bind: boolean, setBound: boolean) {
    const lu = machine([vfio('d', null), generic('x')], 'A', { vfioFinishRequiresBind: bind });
    lu.createSession('s');
    lu.preserve('s', 'd', 1);
    lu.kexec();
    lu.retrieveSession('s');
    lu.retrieve('s', 1);
    if (setBound) lu.set('d', 'bound', true);
    return lu.finish('s');
  }
  it('false: FINISH -> 0 bound or not', () => {
    expect(run(false, false)).toBe('ok');
    expect(run(false, true)).toBe('ok');
  });
  it('true: FINISH -> EBUSY until bound', () => {
    expect(run(true, false)).toBe('EBUSY');
    expect(run(true, true)).toBe('ok');
  });
});
