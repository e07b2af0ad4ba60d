/**
 * The `set` step: a userspace action on a file outside LUO (seal a memfd, stop a vCPU, disable
 * a device's IRQs, bind a vfio cdev), or a knob of the simulated generic handler.
 */
import { handlerFor } from '../handlers';
import { fileProps, fileSpec, hasFd, preservedIn } from '../state';
import { corrected } from './context';
import type { FileId, LuoState, PropName, PropValue } from '../types';
import type { StepOutput } from './result';
import { ok, refuse } from './result';

/** Applies a property change, or refuses it as the real syscall would. */
export function setProp(state: LuoState, id: FileId, prop: PropName, value: PropValue): StepOutput {
  const spec = fileSpec(state, id);
  const propSpec = handlerFor(spec.type)?.props.find((p) => p.name === prop);
  if (!propSpec) throw new Error(`${spec.type} has no property ${prop}`);
  const fn = propSpec.userspace ? 'userspace' : 'handler knob';
  const current = fileProps(state, id)[prop];
  if (propSpec.userspace) {
    if (!hasFd(state, id)) {
      return refuse(
        state,
        'EBADF',
        fn,
        `${spec.type} "${id}" has no fd in this boot: cannot change ${prop} -> -EBADF`,
      );
    }
    const verdict = propSpec.check?.(current, value, {
      preserved: preservedIn(state, id) !== undefined,
      retrieved: spec.boot < state.boot,
      switches: state.switches,
      corrected: (c) => corrected(state, c),
    });
    if (verdict && !verdict.ok) return refuse(state, verdict.errno, fn, verdict.reason);
  }
  return ok(
    { ...state, props: { ...state.props, [id]: { ...state.props[id], [prop]: value } } },
    fn,
    `${spec.type} "${id}": ${prop} = ${JSON.stringify(value)} (${propSpec.label})`,
  );
}
