/** Short notes on a node for the properties that matter ("running", "IRQs on"). */
import { activeHandler, fileProps, handlerFor } from '../engine';
import type { FileProps, LuoState } from '../engine';

type Note = (v: FileProps[keyof FileProps]) => string | null;

const NOTES: Partial<Record<keyof FileProps, Note>> = {
  sealed: (v) => (v ? 'sealed' : null),
  running: (v) => (v ? 'running' : null),
  irqsEnabled: (v) => (v ? 'IRQs on' : null),
  bound: (v) => (v ? 'bound' : null),
  freezeError: (v) => (v ? `freeze → ${v}` : null),
  canFinish: (v) => (v === false ? 'can_finish false' : null),
  hugetlb: (v) => (v ? 'hugetlb' : null),
  hwptRestored: (v) => (v ? 'HWPTs restored' : null),
};

/** Every file's note, by id ('' when nothing is worth saying). */
export function propsNotes(state: LuoState): Record<string, string> {
  const out: Record<string, string> = {};
  const { handlers, id: tree } = state.model.tree;
  const corrected = (c: Parameters<typeof state.model.corrections.has>[0]) =>
    state.model.corrections.has(c);
  for (const f of state.files) {
    const props = fileProps(state, f.id);
    // A type the kernel tree has no handler for: PRESERVE_FD will say ENOENT.
    const none =
      f.type !== 'pipe' && !activeHandler(handlers, state.switches, corrected, f.type)
        ? [`no handler in ${tree}`]
        : [];
    out[f.id] = [
      ...none,
      ...(handlerFor(f.type)?.props ?? []).map((p) => NOTES[p.name]?.(props[p.name]) ?? null),
    ]
      .filter((t) => t !== null)
      .join(', ');
  }
  return out;
}
