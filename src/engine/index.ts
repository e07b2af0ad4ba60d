/**
 * luoscope's LUO engine: a pure model of the kernel's Live Update Orchestrator.
 * `createState(files, switches)` then `step(state, step)` for each userspace syscall.
 */
export * from './errno';
export * from './switches';
export * from './types';
export { createState, hasFd, fileProps } from './state';
export { step } from './step';
export type { StepOutput } from './step';
export { outcomeOf } from './outcome';
export { fileView } from './view';
export type { FileView, NodeState } from './view';
export { HANDLERS, handlerFor } from './handlers';
export type { FileHandler, PropSpec } from './handlers/handler';
