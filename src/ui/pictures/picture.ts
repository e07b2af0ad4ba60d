/**
 * A picture of a view as a standalone SVG (the live SVG cloned, its CSS inlined, the colours
 * of the chosen scheme) with a caption, and as a PNG drawn from that SVG. Loaded on first use.
 */
import { CAPTION_LINE, captionLines } from './caption';
import type { CaptionInfo } from './caption';
import { chartPiece, comparePiece, el, graphPiece, tablePiece, timelinePiece } from './pieces';
import type { Piece } from './pieces';
import { pictureCss } from './pictureStyles';
import type { Scheme } from './pictureStyles';

export type PictureOf = 'graph' | 'timeline' | 'compare' | 'explore';

const PICTURE_CSS = `
.pic-bg { fill: var(--surface); }
.pic-title { font-size: 14px; font-weight: 700; fill: var(--text); }
.pic-heading { font-size: 13px; font-weight: 700; fill: var(--text); }
.pic-meta { font-size: 11.5px; fill: var(--muted); }
.pic-link { font-size: 10.5px; fill: var(--text); font-family: 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace; }
.pic-cell { fill: none; stroke: var(--border); }
.pic-rule { stroke: var(--border); }
`;

/** The piece of the page a picture shows, or why there is none now. */
export function findPiece(what: PictureOf): Piece | string {
  const q = (s: string) => document.querySelector(s);
  switch (what) {
    case 'graph': {
      const svg = q('svg[data-testid="graph"]');
      return svg ? graphPiece(svg as SVGSVGElement) : 'Open the Graph view to export the graph.';
    }
    case 'timeline': {
      const frame =
        q('[data-testid="timeline-view"] [data-testid="timeline"]') ??
        q('[data-testid="timeline-strip"]');
      return frame ? timelinePiece(frame) : 'Take a step and open the Timeline view to export it.';
    }
    case 'compare': {
      const view = q('[data-testid="compare-view"]');
      return view ? comparePiece(view) : 'Open the Compare view to export it.';
    }
    case 'explore': {
      const table = q('table[data-testid="explore-table"]') as HTMLTableElement | null;
      const chart = q('[data-testid="explore-chart"]');
      if (chart) return chartPiece(chart, table);
      return table
        ? tablePiece(table)
        : 'Run the explorer (Explore every ordering) to export its chart and table.';
    }
  }
}

/** The standalone SVG text: background, the piece, a rule, the caption. */
export function pictureSvg(piece: Piece, scheme: Scheme, caption: CaptionInfo): string {
  const pad = 16;
  const width = Math.max(640, piece.width + 2 * pad);
  const lines = captionLines(caption, width - 2 * pad);
  const top = pad + piece.height + 14;
  const height = top + 10 + lines.length * CAPTION_LINE + pad;
  const svg = el('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'luoscope-picture',
    'data-scheme': scheme,
  });
  const style = el('style');
  style.textContent = pictureCss(piece.live, scheme, '.luoscope-picture') + PICTURE_CSS;
  const title = el('title');
  title.textContent = `luoscope: ${caption.title} (${caption.view}, variant ${caption.variant}, step ${caption.position})`;
  const body = el('g', { transform: `translate(${pad},${pad})` });
  body.append(piece.node);
  const rule = el('line', { x1: pad, x2: width - pad, y1: top, y2: top, class: 'pic-rule' });
  const cap = el('g', { class: 'pic-caption' });
  lines.forEach((l, i) => {
    const t = el('text', { x: pad, y: top + 10 + (i + 1) * CAPTION_LINE - 3, class: l.cls });
    t.textContent = l.text;
    cap.append(t);
  });
  svg.append(title, style, el('rect', { width, height, class: 'pic-bg' }), body, rule, cap);
  return new XMLSerializer().serializeToString(svg);
}

/** The SVG drawn into a canvas at twice its size, as a PNG. */
export async function pngOf(svgText: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
