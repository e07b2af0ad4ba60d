/** The shape every syscall of the engine returns. */
import type { Errno } from '../errno';
import type { Callback, LuoState, StepResult } from '../types';

/** The state after a step and what the step returned. */
export interface StepOutput {
  state: LuoState;
  result: StepResult;
}

/** A successful syscall. */
export function ok(
  state: LuoState,
  fn: string,
  reason: string,
  callbacks: Callback[] = [],
): StepOutput {
  return { state, result: { result: 'ok', fn, reason, callbacks } };
}

/** A refused syscall: the state stays as it was (callbacks may still have run). */
export function refuse(
  state: LuoState,
  errno: Errno,
  fn: string,
  reason: string,
  callbacks: Callback[] = [],
): StepOutput {
  return { state, result: { result: errno, fn, reason, callbacks } };
}
