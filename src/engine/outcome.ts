/** The outcome of a run so far (TRACE-FORMAT "Replay result", SEMANTICS §4.1). */
import type { LuoState, Outcome } from './types';

/** Boots, orphans, data loss and stuck sessions of the run that produced `state`. */
export function outcomeOf(state: LuoState): Outcome {
  const out: Outcome = {
    boots: state.boot,
    orphans: state.orphans.map(({ file, dependsOn, detected }) => ({ file, dependsOn, detected })),
    dataLoss: [...state.dataLoss],
    stuckSessions: [...state.stuckSessions],
  };
  if (state.devicesReset.length) out.devicesReset = [...state.devicesReset];
  if (state.hung) out.hung = { reason: state.hung.reason };
  return out;
}
