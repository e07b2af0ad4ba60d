/** Short notes on a node for the properties that matter ("running", "IRQs on"). */
import { fileProps, handlerFor, handlerIn } from '../engine';
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
  for (const f of state.files) {
    const props = fileProps(state, f.id);
    // A type luoscope knows that the kernel tree has no handler for: PRESERVE_FD says ENOENT.
    const none =
      handlerFor(f.type) && !handlerIn(state, f.type)
        ? [`no handler in ${state.model.tree.id}`]
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
