/**
 * A refused syscall changes nothing (SEMANTICS §1.5 "on any failure nothing is left behind",
 * §1.7 "nothing is changed", §2.3 "all sessions and files stay preserved"). A refusal returns the
 * very state object it was given. The one refusal that may
 * change state is RETRIEVE_FD, whose errno luo_retrieve_file() may remember (§2.4).
 */
import { describe, expect, it } from 'vitest';
import { step } from '../step';
import type { LuoState, Step } from '../types';
import { deepFreeze, generic, gmem, machine, memfd, op, pipe, vcpu, vfio, vm } from '../testing';

const files = [
  memfd('m'),
  memfd('u'),
  memfd('late', { boot: 1 }),
  pipe('p'),
  vm('vm'),
  gmem('g', 'vm'),
  vcpu('c', 'vm'),
  vfio('d', null),
  generic('bad', [], { freezeError: 'EIO' }),
];

/** boot 0: "s" holds m (1), vm (2), c (3) and is full (LUO_FILE_MAX = 3); m is sealed. */
function outgoingState(): LuoState {
  const lu = machine(files, 'A', { fileLimit: 3 });
  lu.createSession('s');
  lu.preserve('s', 'm', 1);
  lu.preserve('s', 'vm', 2);
  lu.preserve('s', 'c', 3);
  lu.set('m', 'sealed', true);
  return lu.state;
}

/** boot 1: "s" incoming with vm (1), g (2), d (3), retrieved as handle "s"; "old" of boot 0. */
function incomingState(variant: 'A' | 'B' = 'A'): LuoState {
  const lu = machine(files, variant);
  lu.createSession('o', 'old');
  lu.createSession('s');
  lu.preserve('s', 'vm', 1);
  lu.preserve('s', 'g', 2);
  lu.preserve('s', 'd', 3);
  lu.kexec();
  lu.retrieveSession('s');
  return lu.state;
}

function expectRefusedUnchanged(state: LuoState, s: Step, errno: string) {
  deepFreeze(state);
  const out = step(state, s);
  expect(out.result.result).toBe(errno);
  expect(out.state).toBe(state);
}

describe('refused steps leave the state as it was', () => {
  const boot0: [string, Step, string][] = [
    ['CREATE_SESSION dup name', op.createSession('s', 'h'), 'EEXIST'],
    ['CREATE_SESSION empty name', op.createSession('', 'h'), 'EINVAL'],
    ['RETRIEVE_SESSION unknown', op.retrieveSession('s', 'h'), 'ENOENT'],
    ['PRESERVE_FD dup token', op.preserve('s', 'u', 1), 'EEXIST'],
    ['PRESERVE_FD full session', op.preserve('s', 'u', 4), 'ENOSPC'],
    ['PRESERVE_FD closed handle', op.preserve('nope', 'u', 9), 'EBADF'],
    ['RETRIEVE_FD on outgoing', op.retrieve('s', 1), 'EINVAL'],
    ['FINISH on outgoing', op.finish('s'), 'EINVAL'],
    ['close() of no fd', op.closeSession('nope'), 'EBADF'],
    ['unseal', op.set('m', 'sealed', false), 'EPERM'],
    ['seal with no fd', op.set('late', 'sealed', true), 'EBADF'],
  ];
  it.each(boot0)('boot 0: %s', (_name, s, errno) => {
    expectRefusedUnchanged(outgoingState(), s, errno);
  });

  it('PRESERVE_FD refused by the handler, with its callback recorded', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    expectRefusedUnchanged(lu.state, op.preserve('s', 'g', 1), 'ENOENT');
  });

  it('PRESERVE_FD of a pipe; of a file already preserved', () => {
    expectRefusedUnchanged(outgoingState(), op.preserve('s', 'p', 7), 'ENOSPC');
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    expectRefusedUnchanged(lu.state, op.preserve('s', 'p', 2), 'ENOENT');
    expectRefusedUnchanged(lu.state, op.preserve('s', 'm', 2), 'EBUSY');
  });

  it('kexec refused by a freeze', () => {
    const lu = machine(files, 'A');
    lu.createSession('s');
    lu.preserve('s', 'm', 1);
    lu.preserve('s', 'bad', 2);
    expectRefusedUnchanged(lu.state, op.kexec(), 'EIO');
  });

  const boot1: [string, Step, string][] = [
    ['PRESERVE_FD on incoming', op.preserve('s', 'm', 9), 'EINVAL'],
    ['RETRIEVE_SESSION twice', op.retrieveSession('s', 'h'), 'EINVAL'],
    ['RETRIEVE_FD unknown token', op.retrieve('s', 99), 'ENOENT'],
    ['FINISH refused by can_finish', op.finish('s'), 'EBUSY'],
    ['FINISH reserved != 0', op.finish('s', 1), 'EINVAL'],
    ['handle of boot 0', op.retrieve('old', 1), 'EBADF'],
  ];
  it.each(boot1)('boot 1: %s', (_name, s, errno) => {
    expectRefusedUnchanged(incomingState(), s, errno);
  });

  it('RETRIEVE_FD refused by strict order (not remembered under sticky=true)', () => {
    expectRefusedUnchanged(incomingState('B'), op.retrieve('s', 2), 'EAGAIN');
  });

  it('RETRIEVE_FD refused and remembered (sticky="all"): only retrieve_status and dataLoss move', () => {
    const lu = machine(files, 'B', { stickyRetrieveErrors: 'all' });
    lu.createSession('s');
    lu.preserve('s', 'vm', 1);
    lu.preserve('s', 'g', 2);
    lu.kexec();
    lu.retrieveSession('s');
    const before = deepFreeze(lu.state);
    const out = step(before, op.retrieve('s', 2));
    expect(out.result.result).toBe('EAGAIN');
    const g = (st: LuoState) => st.incoming.at(0)!.files.at(1)!;
    expect(g(out.state).retrieveStatus).toBe(-11);
    expect(out.state.dataLoss).toEqual(['g']);
    const patched = {
      ...out.state,
      dataLoss: before.dataLoss,
      incoming: out.state.incoming.set({
        ...out.state.incoming.at(0)!,
        files: out.state.incoming.at(0)!.files.set({ ...g(out.state), retrieveStatus: 0 }),
      }),
    };
    expect(patched).toEqual(before);
  });
});
