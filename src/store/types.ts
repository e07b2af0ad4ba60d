/** The store's state: data and actions as separate types, one pair per slice. */
import type {
  CorrectionId,
  FileId,
  SessionHandle,
  Step,
  StepResult,
  Switches,
  TreeId,
  Variant,
} from '../engine';
import type { GraphLayout } from '../layout';
import type { Scenario } from '../scenarios';
import type { Current, Replay } from './replay';
import type { ReplayProgress } from './replayJob';
import type { EditorActions, EditorData } from './slices/editor';
import type { ExplorerActions, ExplorerData } from './slices/explorer';
import type { KernelRunActions, KernelRunData } from './slices/kernelRun';
import type { TourActions, TourData } from './slices/tour';
import type { ViewsActions, ViewsData } from './slices/views';
import type { Work } from './work';
import type { TraceDoc } from '../trace/parse';

export interface ScenarioData {
  scenario: Scenario;
  /** Computed once per scenario (cached in layout/). */
  layout: GraphLayout;
}
export interface ScenarioActions {
  /** Opens a scenario with an empty history. */
  loadScenario(scenario: Scenario): void;
}

export interface VariantData {
  /** The kernel tree the steps run on (SEMANTICS §8.5); `2026-06` unless picked. */
  kernel: TreeId;
  variant: Variant;
  /** Switches the user set in "advanced switches", on top of the variant's preset. */
  overrides: Partial<Switches>;
  /** The resolved switches the engine runs with. */
  switches: Switches;
}
export interface VariantActions {
  /** Picks a variant (and drops switch overrides); the same actions are replayed. */
  setVariant(variant: Variant): void;
  /** Picks a kernel tree (and drops switch overrides); the same actions are replayed. */
  setKernel(kernel: TreeId): void;
  setSwitch<K extends keyof Switches>(name: K, value: Switches[K]): void;
  resetSwitches(): void;
}

export interface HistoryData {
  /** Every action taken, refused ones included. */
  actions: readonly Step[];
  /**
   * The state shown is the replay of the first `position` actions. Actions after it are kept
   * for redo until a new action is taken there (the history forks and they are dropped).
   */
  position: number;
  replay: Replay;
  current: Current;
  /**
   * Steps of an opened trace whose `expect` a model correction changed, by index: the log
   * names the correction beside each (a fork of the history before one drops it).
   */
  corrected: Readonly<Record<number, CorrectionId>>;
}
export interface HistoryActions {
  /** Runs steps in order at the position, stopping after the first refused one. */
  perform(steps: readonly Step[]): StepResult[];
  /** A node's primary action (see intents.ts); also selects the node. */
  activate(id: FileId): void;
  /** One step back, forward, or to the state after the first `position` actions. */
  undo(): void;
  redo(): void;
  jumpTo(position: number): void;
  /**
   * Replaces the whole work (a trace, saved work) and announces `text`; `notice` is shown
   * above the graph (a trace made before a model correction says so). A long history is
   * replayed in slices first (replayJob.ts): the promise is settled when the work is open.
   * `corrected`: the steps a model correction changed, or a function of the replay that gives
   * them with the notice (then `notice` is not used).
   */
  openWork(
    work: Work,
    text: string,
    notice?: string | null,
    corrected?:
      | Readonly<Record<number, CorrectionId>>
      | ((replay: Replay) => {
          notice: string | null;
          marks: Readonly<Record<number, CorrectionId>>;
        }),
  ): Promise<void>;
  /**
   * Opens a trace at its last step (`from`: "the link", "the file "x.json""), with the notice
   * and marks of the model corrections that changed its steps, read off the page's replay.
   */
  openTrace(doc: TraceDoc, from: string): Promise<void>;
}

export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

export interface UiData {
  selected: FileId | null;
  /** The session handle the session controls act on (when it is open). */
  handle: SessionHandle | null;
  /** What the aria-live region says; `seq` changes even when the text repeats. */
  announcement: { seq: number; text: string };
  /** A notice about the URL (unknown scenario or variant). */
  notice: string | null;
  /** A long history being replayed in slices (replayJob.ts), or null. */
  replaying: ReplayProgress | null;
  view: ViewTransform;
}
export interface UiActions {
  select(id: FileId | null): void;
  selectHandle(handle: SessionHandle | null): void;
  announce(text: string): void;
  setNotice(notice: string | null): void;
  setView(view: ViewTransform): void;
}

export type AppData = ScenarioData &
  VariantData &
  HistoryData &
  UiData &
  ViewsData &
  ExplorerData &
  EditorData &
  TourData &
  KernelRunData;
export type AppState = AppData &
  ScenarioActions &
  VariantActions &
  HistoryActions &
  UiActions &
  ViewsActions &
  ExplorerActions &
  EditorActions &
  TourActions &
  KernelRunActions;
