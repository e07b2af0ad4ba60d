/**
 * What each view's picture is made of, taken from the live page: clones of the SVG that React
 * drew (the graph, the timeline, the compare columns), or the explorer's table set as SVG text.
 */
const NS = 'http://www.w3.org/2000/svg';

export interface Piece {
  /** The live elements whose CSS the picture needs. */
  live: Element[];
  /** The picture's content, drawn from (0, 0). */
  node: SVGElement;
  width: number;
  height: number;
}

export const el = (name: string, attrs: Record<string, string | number> = {}) => {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

/** A clone of a live <svg> as a nested <svg> at (x, y), without its page-layout class. */
function nested(svg: SVGSVGElement, x: number, y: number, w: number, h: number, box: string) {
  const c = svg.cloneNode(true) as SVGSVGElement;
  c.removeAttribute('class');
  c.removeAttribute('style');
  c.removeAttribute('tabindex');
  for (const [k, v] of Object.entries({ x, y, width: w, height: h, viewBox: box }))
    c.setAttribute(k, String(v));
  return c;
}

/** The graph, every node in view whatever the zoom. */
export function graphPiece(svg: SVGSVGElement): Piece {
  const inner = svg.querySelector<SVGGElement>(':scope > g')!;
  const b = inner.getBBox();
  const pad = 12;
  const w = Math.ceil(b.width + 2 * pad);
  const h = Math.ceil(b.height + 2 * pad);
  const c = nested(svg, 0, 0, w, h, `${b.x - pad} ${b.y - pad} ${w} ${h}`);
  c.querySelector(':scope > g')!.removeAttribute('transform');
  return { live: [svg], node: c, width: w, height: h };
}

/** The timeline: its row names and its steps side by side, whole (no scroll). */
export function timelinePiece(frame: Element): Piece {
  const [labels, body] = Array.from(frame.querySelectorAll<SVGSVGElement>(':scope > svg'));
  // The geometry's own size (the viewBox), whatever scale the page draws it at.
  const lw = labels!.viewBox.baseVal.width;
  const bw = body!.viewBox.baseVal.width;
  const h = body!.viewBox.baseVal.height;
  const g = el('g');
  g.append(
    nested(labels!, 0, 0, lw, h, labels!.getAttribute('viewBox')!),
    nested(body!, lw, 0, bw, h, body!.getAttribute('viewBox')!),
  );
  return { live: [labels!, body!], node: g, width: lw + bw, height: h };
}

function text(x: number, y: number, s: string, cls: string) {
  const t = el('text', { x, y, class: cls });
  t.textContent = s;
  return t;
}

/** The compare view: a column per variant (name, outcome, its graph), the first difference. */
export function comparePiece(view: Element): Piece {
  const g = el('g');
  const live: Element[] = [];
  const first = view.querySelector('[data-testid="compare-first-difference"]');
  g.append(text(0, 14, first?.textContent?.trim() ?? '', 'pic-heading'));
  let x = 0;
  let bottom = 24;
  for (const col of Array.from(view.querySelectorAll('[data-testid^="compare-variant-"]'))) {
    const head = col.querySelector('h3')?.textContent ?? '';
    const outcome = col.querySelector('[data-testid="compare-outcome"]')?.textContent ?? '';
    const svg = col.querySelector<SVGSVGElement>('svg[data-testid^="compare-graph-"]');
    const vb = svg?.viewBox.baseVal;
    const w = Math.max(220, vb?.width ?? 0);
    const h = vb && vb.width > 0 ? (vb.height * w) / vb.width : 0;
    g.append(text(x, 44, head, 'pic-heading'), text(x, 62, outcome, 'pic-meta'));
    if (svg && vb && vb.width > 0) {
      live.push(svg);
      g.append(nested(svg, x, 72, w, h, `${vb.x} ${vb.y} ${vb.width} ${vb.height}`));
    }
    bottom = Math.max(bottom, 72 + h);
    x += w + 24;
  }
  let width = Math.max(x - 24, 320);
  // Under the columns, each variant's timeline, one above the other (aligned by step).
  for (const box of Array.from(view.querySelectorAll('[data-testid^="compare-timeline-"]'))) {
    const frame = box.querySelector('[role="slider"]');
    if (!frame) continue;
    const t = timelinePiece(frame);
    g.append(text(0, bottom + 26, box.querySelector('h4')?.textContent ?? '', 'pic-heading'));
    const at = el('g', { transform: `translate(0,${bottom + 34})` });
    at.append(t.node);
    g.append(at);
    live.push(...t.live);
    bottom += 34 + t.height;
    width = Math.max(width, t.width);
  }
  return { live, node: g, width, height: bottom };
}

/** The explorer's table, cell by cell, as SVG text in a grid. */
export function tablePiece(table: HTMLTableElement): Piece {
  const rows = Array.from(table.rows).map((r) =>
    Array.from(r.cells).map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').length * 7 + 16)),
  );
  const g = el('g');
  const lineH = 22;
  rows.forEach((r, j) => {
    let x = 0;
    r.forEach((cell, i) => {
      g.append(
        el('rect', { x, y: j * lineH, width: widths[i]!, height: lineH, class: 'pic-cell' }),
        text(x + 6, j * lineH + 15, cell, j === 0 ? 'pic-heading' : 'pic-meta'),
      );
      x += widths[i]!;
    });
  });
  const width = widths.reduce((a, b) => a + b, 0);
  return { live: [table], node: g, width, height: rows.length * lineH };
}

/**
 * The explorer's chart (one stacked bar per variant, its legend of shares and exact counts)
 * above its table: the bars are the live SVGs, copied; the legend is set as SVG text.
 */
export function chartPiece(figure: Element, table: HTMLTableElement | null): Piece {
  const g = el('g');
  const live: Element[] = [figure];
  let y = 0;
  let width = 0;
  for (const bar of Array.from(figure.querySelectorAll('[data-testid^="explore-bar-"]'))) {
    const svg = bar.querySelector(':scope > svg') as SVGSVGElement | null;
    if (!svg) continue;
    const w = Number(svg.getAttribute('width'));
    const h = Number(svg.getAttribute('height'));
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    g.append(copy);
    y += h + 4;
    width = Math.max(width, w);
    for (const li of Array.from(bar.querySelectorAll('li'))) {
      const line = li.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      g.append(text(24, y + 14, line, 'pic-meta'));
      y += 20;
      width = Math.max(width, line.length * 7 + 24);
    }
    y += 10;
  }
  if (table) {
    const t = tablePiece(table);
    const moved = el('g', { transform: `translate(0,${y + 10})` });
    moved.append(t.node);
    g.append(moved);
    live.push(table);
    y += 10 + t.height;
    width = Math.max(width, t.width);
  }
  return { live, node: g, width, height: y };
}
