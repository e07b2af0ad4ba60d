/** The app store: scenario, variant + switches, history (replayed), UI state. */
export { createAppStore } from './createAppStore';
export type { AppStore, AppStoreOptions } from './createAppStore';
export type { AppState, AppData, ViewTransform } from './types';
export type { LogEntry, Current } from './replay';
export type { OpenSession, IncomingInfo } from './sessions';
export { freshHandle } from './sessions';
export { primaryAction, nextFreeToken, DEFAULT_SESSION } from './intents';
export type { Intent } from './intents';
export { describeStep, describeResult } from './describe';
export * from './selectors';
export * from './explorerSelectors';
export { TABS, MIN_COMPARED, selectTab } from './slices/views';
export type { AppTab } from './slices/views';
export type {
  ExploreStatus,
  ExploreWorker,
  ExploreWorkerFactory,
  ExplorerState,
} from './slices/explorer';
export * from './historySelectors';
export {
  currentTrace,
  openedText,
  traceOf,
  workOf,
  workOfTrace,
  scenarioOfTrace,
  TRACE_SCENARIO_ID,
} from './work';
export type { Work } from './work';
export * from './editorSelectors';
export * from './tourSelectors';
export { allowedTargets, depRule, propSpecs } from './editorDraft';
export type { Draft, DraftFile, DraftField, FieldProblem } from './editorDraft';
export type { EditEntry, EditorState } from './slices/editor';
export type { TourState } from './slices/tour';
export { attachTo, selectKernelRun } from './slices/kernelRun';
export type { AttachedRun } from './slices/kernelRun';
export type { CompareKey } from './compareKey';
export { ALL_COMPARE_KEYS, compareKey, compareLabel, parseCompareKey } from './compareKey';
export type { ReplayProgress } from './replayJob';
