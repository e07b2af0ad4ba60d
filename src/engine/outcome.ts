/** The outcome of a run so far (TRACE-FORMAT "Replay result", SEMANTICS §4.1). */
import type { LuoState, Outcome } from './types';

/** Boots, orphans, data loss and stuck sessions of the run that produced `state`. */
export function outcomeOf(state: LuoState): Outcome {
  return {
    boots: state.boot,
    orphans: state.orphans.map(({ file, dependsOn, detected }) => ({ file, dependsOn, detected })),
    dataLoss: [...state.dataLoss],
    stuckSessions: [...state.stuckSessions],
  };
}
