/**
 * `step(state, step)`: one userspace syscall against the simulated kernel. Pure: the input
 * state is never changed; the output says what the kernel returned, why, and which handler
 * callbacks ran, in order.
 */
import { finishFd, releaseIncoming } from './core/finish';
import { abortSession, preserveFd } from './core/preserve';
import { setProp } from './core/props';
import { kexec } from './core/reboot';
import type { StepOutput } from './core/result';
import { retrieveFd } from './core/retrieve';
import { freezeSessionFd } from './core/earlyFreeze';
import {
  badHandle,
  closeDevice,
  createSession,
  getSessionName,
  openDevice,
  retrieveSession,
  sessionOf,
} from './core/sessions';
import type { LuoState, SessionHandle, Step } from './types';

export type { StepOutput } from './core/result';

function close(state: LuoState, handle: SessionHandle): StepOutput {
  const ref = sessionOf(state, handle);
  if (!ref) return badHandle(state, handle, 'close');
  return ref.dir === 'outgoing'
    ? abortSession(state, ref.session, handle)
    : releaseIncoming(state, handle);
}

function dispatch(state: LuoState, s: Step): StepOutput {
  switch (s.op) {
    case 'createSession':
      return createSession(state, s.name, s.as);
    case 'retrieveSession':
      return retrieveSession(state, s.name, s.as);
    case 'preserve':
      return preserveFd(state, s.session, s.file, s.token);
    case 'retrieve':
      return retrieveFd(state, s.session, s.token);
    case 'finish':
      return finishFd(state, s.session, s.reserved);
    case 'closeSession':
      return close(state, s.session);
    case 'kexec':
      return kexec(state);
    case 'set':
      return setProp(state, s.file, s.prop, s.value);
    case 'freezeSession':
      return freezeSessionFd(state, s.session, s.reserved);
    case 'getSessionName':
      return getSessionName(state, s.session);
    case 'openDevice':
      return openDevice(state);
    case 'closeDevice':
      return closeDevice(state);
  }
}

/**
 * Runs one step. A refused step returns the very state it was given, unless the kernel
 * remembers the failure (a sticky retrieve error, a handle left without an fd, a device left
 * reset). Once the VMM hung in a syscall (C1), no later step is reached.
 */
export function step(state: LuoState, s: Step): StepOutput {
  if (state.hung) {
    return {
      state,
      result: {
        result: 'not reached',
        fn: 'none',
        reason:
          'not reached: the VMM is blocked forever in an earlier syscall (see the step that hung)',
        callbacks: [],
      },
    };
  }
  return dispatch(state, s);
}
