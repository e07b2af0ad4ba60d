/**
 * How the page is shown, from the address: the lab (default), `?present` (presenter mode) or
 * `?embed=graph|timeline|compare` (one view for an iframe). `&step=N` opens the history at
 * step N in any of them.
 */
export type EmbedView = 'graph' | 'timeline' | 'compare';
export const EMBED_VIEWS: readonly EmbedView[] = ['graph', 'timeline', 'compare'];

export type Mode = { kind: 'lab' } | { kind: 'present' } | { kind: 'embed'; view: EmbedView };

export interface ModeParams {
  mode: Mode;
  /** The history position asked for, if any (clamped by the store). */
  step: number | null;
  /** Set when a parameter could not be read. */
  notice: string | null;
}

const isEmbed = (v: string): v is EmbedView => (EMBED_VIEWS as readonly string[]).includes(v);

export function readMode(search: string): ModeParams {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let mode: Mode = { kind: 'lab' };
  const embed = params.get('embed');
  if (embed !== null) {
    if (isEmbed(embed)) mode = { kind: 'embed', view: embed };
    else notices.push(`Unknown embed "${embed}" (known: ${EMBED_VIEWS.join(', ')}).`);
  } else if (params.has('present')) mode = { kind: 'present' };
  const raw = params.get('step');
  let step: number | null = null;
  if (raw !== null) {
    if (/^\d+$/.test(raw)) step = Number(raw);
    else notices.push(`"step=${raw}" is not a step number: the last step is shown.`);
  }
  return { mode, step, notice: notices.length ? notices.join(' ') : null };
}

/** The search string without the mode parameters (the lab's own address). */
export function labSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('present');
  params.delete('embed');
  const out = params.toString();
  return out ? `?${out}` : '';
}
