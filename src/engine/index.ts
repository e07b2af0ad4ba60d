/**
 * luoscope's LUO engine: a pure model of the kernel's Live Update Orchestrator.
 * `createState(files, switches)` then `step(state, step)` for each userspace syscall.
 */
export * from './errno';
export * from './switches';
export * from './types';
export * from './corrections';
export type { Model } from './model';
export { DEFAULT_MODEL, modelOf } from './model';
export type { KernelTree, TreeDefaults, TreeId, TreeRule } from './trees';
export { DEFAULT_TREE, TREES, TREE_IDS, isTreeId, treeById } from './trees';
export { createState, hasFd, fileProps, fileTable } from './state';
export type { PTable } from './persistent/ptable';
export { step } from './step';
export type { StepOutput } from './step';
export { outcomeOf } from './outcome';
export { fileView } from './view';
export type { FileView, NodeState } from './view';
export { HANDLERS, HANDLER_MODULES, handlerFor } from './handlers';
export { handlerIn } from './core/context';
export type { FileHandler, HandlerModule, PropSpec } from './handlers/handler';
