/**
 * Autosave: the open work (scenario, variant, switch overrides, every action and the position)
 * in localStorage, written shortly after each change and at once when the page is hidden or
 * left, so a reload right after an action restores it. One key; the format is inside the value
 * (`luoscope/autosave@1`), so data of another version is recognised and reported, not misread.
 * The trace is stored as a `luoscope/trace@1` document and checked by the trace validator.
 */
import { validateTrace } from '../trace/parse';
import { traceJson } from '../trace/serialize';
import { traceOf, workOf, workOfTrace } from '../store';
import type { AppData, AppStore, Work } from '../store';

export const AUTOSAVE_KEY = 'luoscope/autosave';
export const AUTOSAVE_FORMAT = 'luoscope/autosave@1';
/** Milliseconds of quiet before a save (a burst of clicks is written once). */
export const AUTOSAVE_DELAY = 300;

export type Restored = { ok: true; work: Work } | { ok: false; error: string };

/**
 * The saved form of the work: every action (redo included) and the position; `savedAt` (ms
 * since the epoch) dates it for the recent list, and readers that do not know it ignore it.
 */
export function encodeWork(s: AppData, savedAt?: number): string {
  const trace = traceJson(traceOf(s, s.actions.length));
  return JSON.stringify({
    format: AUTOSAVE_FORMAT,
    ...(savedAt === undefined ? {} : { savedAt }),
    scenario: s.scenario.id,
    position: s.position,
    trace,
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A validator message (`steps[2].op: ...`, `(root): ...`) as a path under `trace`. */
function underTrace(error: string): string {
  if (error.startsWith('(root)')) return error.slice('(root)'.length);
  return error.startsWith('[') ? error : `.${error}`;
}

/** Saved work read back, or what is wrong with it (never an exception). */
export function decodeWork(text: string): Restored {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'it is not JSON' };
  }
  const format = isRecord(json) ? json.format : undefined;
  if (!isRecord(json) || typeof format !== 'string' || !format.startsWith('luoscope/autosave@')) {
    return { ok: false, error: 'it is not work saved by luoscope' };
  }
  if (format !== AUTOSAVE_FORMAT) {
    return {
      ok: false,
      error: `it was saved by another version of luoscope (${JSON.stringify(format).slice(0, 40)}; this one reads ${AUTOSAVE_FORMAT})`,
    };
  }
  if (typeof json.scenario !== 'string') return { ok: false, error: 'scenario: must be a string' };
  const parsed = validateTrace(json.trace);
  if (!parsed.ok) return { ok: false, error: `trace${underTrace(parsed.error)}` };
  const steps = parsed.doc.steps.length;
  const position = json.position;
  if (
    typeof position !== 'number' ||
    !Number.isInteger(position) ||
    position < 0 ||
    position > steps
  ) {
    return { ok: false, error: `position: must be an integer from 0 to ${steps}` };
  }
  return { ok: true, work: workOfTrace(parsed.doc, position, json.scenario) };
}

/** The saved work under `key`: `null` when there is none (or storage cannot be read at all). */
export function readSaved(
  storage: Pick<Storage, 'getItem'> | null,
  key = AUTOSAVE_KEY,
): Restored | null {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  return text === null ? null : decodeWork(text);
}

export interface AutosaveOptions {
  storage: Pick<Storage, 'setItem'>;
  /** Where `pagehide` and `visibilitychange` are heard (the window; the document for the latter). */
  win: EventTarget;
  doc: EventTarget & { visibilityState: DocumentVisibilityState };
  delay?: number;
  /** The key written (this tab's slot); `AUTOSAVE_KEY` by default. */
  key?: string;
  /** The clock that dates each save (`savedAt`); none: saves are not dated. */
  now?: () => number;
  /** Called when a write fails, to free room; a write is retried once when it returns true. */
  makeRoom?: () => boolean;
  /** Called once when a write fails (quota, storage disabled). */
  onError?: (message: string) => void;
}

export interface Autosave {
  /** Writes now if the work changed since the last write, or in any case with `force`. */
  flush(force?: boolean): void;
  stop(): void;
}

const sameWork = (a: Work, b: Work) =>
  a.scenario === b.scenario &&
  a.kernel === b.kernel &&
  a.variant === b.variant &&
  a.overrides === b.overrides &&
  a.actions === b.actions &&
  a.position === b.position;

/** Saves the store's work after every change to it (selection, pan and zoom are not work). */
export function startAutosave(store: AppStore, o: AutosaveOptions): Autosave {
  let saved = workOf(store.getState());
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failed = false;
  const flush = (force = false) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const s = store.getState();
    const work = workOf(s);
    if (!force && sameWork(work, saved)) return;
    const text = encodeWork(s, o.now?.());
    const write = () => o.storage.setItem(o.key ?? AUTOSAVE_KEY, text);
    try {
      try {
        write();
      } catch (error) {
        if (!o.makeRoom?.()) throw error;
        write();
      }
      saved = work;
      failed = false;
    } catch (error) {
      if (!failed)
        o.onError?.(`Autosave failed: ${error instanceof Error ? error.message : String(error)}.`);
      failed = true;
    }
  };
  const unsubscribe = store.subscribe((s) => {
    if (timer === null && !sameWork(workOf(s), saved))
      timer = setTimeout(() => flush(), o.delay ?? AUTOSAVE_DELAY);
  });
  const onHide = () => flush();
  const onVisibility = () => o.doc.visibilityState === 'hidden' && flush();
  o.win.addEventListener('pagehide', onHide);
  o.doc.addEventListener('visibilitychange', onVisibility);
  return {
    flush,
    stop: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      o.win.removeEventListener('pagehide', onHide);
      o.doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
