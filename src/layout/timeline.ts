/**
 * The timeline's geometry as plain data: one row per file grouped by session, one column per
 * step, a band per kexec, a glyph per operation, an arc from a file's preserve to its retrieve
 * in the next boot, and a mark where an orphan, a data loss or a stuck session happens. The
 * events come from timelineEvents.ts; React draws every element (src/ui/timeline).
 */
import { scaleBand } from 'd3-scale';
import { curveNatural, line } from 'd3-shape';
import type { FileSpec, LuoState, Step, StepResult } from '../engine';
import { timelineEvents } from './timelineEvents';
import type { TimelineEvents } from './timelineEvents';

export const TL_COLUMN = 38;
export const TL_ROW = 30;
export const TL_GROUP_ROW = 22;
export const TL_LABEL = 128;
export const TL_TOP = 36;

export interface TimelineInput {
  files: readonly FileSpec[];
  /** `states[i]` before action i (as the store's replay). */
  states: readonly LuoState[];
  log: readonly { step: Step; result: StepResult }[];
}

export interface TimelineColumn {
  /** 1-based: the column shows action `step`; a click shows the state after it. */
  step: number;
  x: number;
  width: number;
  op: string;
  result: string;
  boot: number;
}
export interface TimelineRow {
  id: string;
  kind: 'session' | 'file';
  label: string;
  y: number;
  height: number;
}
export interface TimelineGlyph {
  id: string;
  row: string;
  step: number;
  x: number;
  y: number;
  op: string;
  /** One or two letters drawn in the glyph (P preserve, R retrieve, F finish, ...). */
  letter: string;
  result: string;
  ok: boolean;
  /** A retrieval the kernel made itself (liveupdate_get_file_incoming), no fd to userspace. */
  implicit: boolean;
  title: string;
}
export interface TimelineArc {
  id: string;
  row: string;
  from: number;
  to: number;
  implicit: boolean;
  path: string;
}
export interface TimelineMark {
  id: string;
  row: string;
  step: number;
  kind: 'orphan' | 'data-loss' | 'stuck';
  x: number;
  y: number;
  text: string;
}
export interface TimelineBand {
  step: number;
  x: number;
  width: number;
  ok: boolean;
  label: string;
}
export interface TimelineBoot {
  boot: number;
  x0: number;
  x1: number;
}
export interface TimelineGeometry {
  width: number;
  height: number;
  columns: TimelineColumn[];
  rows: TimelineRow[];
  boots: TimelineBoot[];
  bands: TimelineBand[];
  glyphs: TimelineGlyph[];
  arcs: TimelineArc[];
  marks: TimelineMark[];
}

const LETTER: Record<string, string> = {
  createSession: 'C',
  retrieveSession: 'RS',
  preserve: 'P',
  retrieve: 'R',
  finish: 'F',
  closeSession: 'X',
  set: 'S',
};
const letterOf = (op: string) => LETTER[op] ?? op.slice(0, 2).toUpperCase();

const arcPath = line<[number, number]>().curve(curveNatural);

/**
 * The longest history the timeline draws: a column per step, so past this the chart is a
 * scroll of tens of thousands of pixels and its layout a long task; the views say so instead.
 */
export const TIMELINE_MAX_STEPS = 2_000;

/** The timeline of a replayed history: rows, columns, glyphs, arcs and marks. */
export function layoutTimeline(input: TimelineInput): TimelineGeometry {
  return placeTimeline(timelineEvents(input));
}

function placeTimeline(ev: TimelineEvents): TimelineGeometry {
  const n = ev.steps.length;
  const x = scaleBand<number>()
    .domain(ev.steps.map((_, i) => i + 1))
    .range([TL_LABEL, TL_LABEL + n * TL_COLUMN]);
  const mid = (step: number) => (x(step) ?? TL_LABEL) + TL_COLUMN / 2;
  const rows: TimelineRow[] = [];
  const rowY = new Map<string, number>();
  let y = TL_TOP;
  for (const g of ev.groups) {
    rows.push({ id: g.id, kind: 'session', label: g.label, y, height: TL_GROUP_ROW });
    rowY.set(g.id, y + TL_GROUP_ROW / 2);
    y += TL_GROUP_ROW;
    for (const f of g.files) {
      rows.push({ id: f, kind: 'file', label: f.slice(2), y, height: TL_ROW });
      rowY.set(f, y + TL_ROW / 2);
      y += TL_ROW;
    }
  }
  const cy = (row: string) => rowY.get(row) ?? TL_TOP;
  const columns = ev.steps.map((s, i) => ({
    step: i + 1,
    x: x(i + 1) ?? TL_LABEL,
    width: TL_COLUMN,
    op: s.op,
    result: s.result,
    boot: s.boot,
  }));
  const boots: TimelineBoot[] = [];
  for (const c of columns) {
    const last = boots[boots.length - 1];
    if (last && last.boot === c.boot) last.x1 = c.x + c.width;
    else boots.push({ boot: c.boot, x0: c.x, x1: c.x + c.width });
  }
  const bands = ev.steps.flatMap((s, i) =>
    s.op === 'kexec'
      ? [
          {
            step: i + 1,
            x: x(i + 1) ?? TL_LABEL,
            width: TL_COLUMN,
            ok: s.result === 'ok',
            label: s.result === 'ok' ? `kexec: boot ${s.boot + 1}` : `kexec ${s.result}`,
          },
        ]
      : [],
  );
  const glyphs = ev.glyphs.map((g, i) => ({
    id: `g${i}`,
    row: g.row,
    step: g.step,
    x: mid(g.step),
    y: cy(g.row),
    op: g.op,
    letter: g.implicit ? 'r' : letterOf(g.op),
    result: g.result,
    ok: g.result === 'ok',
    implicit: g.implicit,
    title: g.title,
  }));
  const arcs = ev.arcs.map((a, i) => {
    const x1 = mid(a.from);
    const x2 = mid(a.to);
    const y0 = cy(a.row);
    const lift = Math.min(TL_ROW / 2 - 2, 4 + (x2 - x1) / 40);
    const path = arcPath([
      [x1, y0 - 6],
      [(x1 + x2) / 2, y0 - 6 - lift],
      [x2, y0 - 6],
    ]);
    return { id: `a${i}`, row: a.row, from: a.from, to: a.to, implicit: a.implicit, path: path! };
  });
  const marks = ev.marks.map((m, i) => ({
    id: `m${i}`,
    row: m.row,
    step: m.step,
    kind: m.kind,
    x: mid(m.step),
    y: cy(m.row),
    text: m.text,
  }));
  return {
    width: TL_LABEL + n * TL_COLUMN + 8,
    height: y + 6,
    columns,
    rows,
    boots,
    bands,
    glyphs,
    arcs,
    marks,
  };
}
