/**
 * Named selectors: each returns a primitive or a value whose identity holds while it is
 * unchanged (see replay.ts `currentAt`), so a component re-renders only when its data changes.
 */
import { fileProps } from '../engine';
import type { FileId, FileProps, FileView, SessionHandle } from '../engine';
import { nextFreeToken } from './intents';
import type { AppData } from './types';

/** Lists of steps (the log, the history's step list) show at most this many at once. */
export const LIST_WINDOW = 200;

export const selectScenario = (s: AppData) => s.scenario;
export const selectLayout = (s: AppData) => s.layout;
export const selectVariant = (s: AppData) => s.variant;
export const selectKernel = (s: AppData) => s.kernel;
export const selectHung = (s: AppData) => s.current.state.hung;
export const selectDevOpen = (s: AppData) => s.current.state.devOpen;
export const selectSessionFreeze = (s: AppData) => s.switches.sessionFreeze;
export const selectSwitches = (s: AppData) => s.switches;
export const selectOverrides = (s: AppData) => s.overrides;
export const selectBoot = (s: AppData) => s.current.state.boot;
export const selectOutcome = (s: AppData) => s.current.outcome;
export const selectOrphanCount = (s: AppData) => s.current.outcome.orphans.length;
export const selectRebootFailure = (s: AppData) => s.current.rebootFailure;
export const selectLog = (s: AppData) => s.current.log;
export const selectCorrected = (s: AppData) => s.corrected;
export const selectSessions = (s: AppData) => s.current.sessions;
export const selectIncoming = (s: AppData) => s.current.incoming;
export const selectSelected = (s: AppData) => s.selected;
export const selectAnnouncement = (s: AppData) => s.announcement;
export const selectNotice = (s: AppData) => s.notice;
export const selectReplaying = (s: AppData) => s.replaying;
export const selectView = (s: AppData) => s.view;

/** One node's view (state, session, token, orphan). */
export const selectNodeView =
  (id: string) =>
  (s: AppData): FileView | undefined =>
    s.current.views[id];

/** A file's property now (defaults, scenario values, `set` steps). */
export const selectProp =
  (id: FileId, prop: keyof FileProps) =>
  (s: AppData): FileProps[keyof FileProps] =>
    fileProps(s.current.state, id)[prop];

/** The handle the session controls act on: the chosen one if open, else the newest open. */
export function selectActiveHandle(s: AppData): SessionHandle | null {
  const open = s.current.sessions;
  if (s.handle && open.some((o) => o.handle === s.handle)) return s.handle;
  return open[open.length - 1]?.handle ?? null;
}

/** The incoming session "Retrieve session" takes: the first not retrieved, else the first. */
export function selectIncomingTarget(s: AppData): string | null {
  const inc = s.current.incoming;
  return (inc.find((i) => !i.retrieved) ?? inc[0])?.name ?? null;
}

/** The token a preserve into this outgoing session would take by default. */
export const selectNextFreeToken =
  (handle: SessionHandle | undefined) =>
  (s: AppData): number =>
    handle ? nextFreeToken(s.current.state, handle) : 1;

/** The properties worth showing on a node ("running", "IRQs on"), as one short string. */
export const selectPropsNote =
  (id: string) =>
  (s: AppData): string =>
    s.current.notes[id] ?? '';
