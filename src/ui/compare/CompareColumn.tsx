import type { FileSpec } from '../../engine';
import type { GraphLayout } from '../../layout';
import type { CompareColumn as Column } from '../../store/compare';
import { compareLabel, parseCompareKey } from '../../store';
import { VARIANT_INFO } from '../variants';
import { CompactGraph } from './CompactGraph';
import { StateSummary } from './StateSummary';

/** Above this many files a column lists its files by state instead of drawing them. */
export const COMPACT_GRAPH_MAX = 24;

interface Props {
  column: Column;
  layout: GraphLayout;
  files: readonly FileSpec[];
  types: ReadonlyMap<string, string>;
}

/** What the outcome is so far, in a few words. */
function outcomeLine({ outcome, rebootFailed }: Column): string {
  const parts: string[] = [];
  const silent = outcome.orphans.filter((o) => !o.detected).length;
  const detected = outcome.orphans.length - silent;
  if (silent) parts.push(`${silent} silent orphan${silent > 1 ? 's' : ''}`);
  if (detected) parts.push(`${detected} detected orphan${detected > 1 ? 's' : ''}`);
  if (outcome.dataLoss.length) parts.push(`data lost: ${outcome.dataLoss.join(', ')}`);
  if (outcome.stuckSessions.length) parts.push(`stuck: ${outcome.stuckSessions.join(', ')}`);
  if (rebootFailed) parts.push('reboot failed');
  return parts.length ? parts.join(' · ') : 'clean so far';
}

/** One variant: its name, what it is, its outcome and its files at the history position. */
export function CompareColumn({ column, layout, files, types }: Props) {
  const { variant, outcome } = column;
  const line = outcomeLine(column);
  const bad = line !== 'clean so far';
  return (
    <section
      className="compare-column"
      aria-labelledby={`compare-title-${variant}`}
      data-testid={`compare-variant-${variant}`}
      data-orphans={outcome.orphans.length}
    >
      <h3 id={`compare-title-${variant}`}>{compareLabel(variant)}</h3>
      <p className="muted compare-what">{VARIANT_INFO[parseCompareKey(variant).variant].what}</p>
      <p className={`compare-outcome ${bad ? 'bad' : 'good'}`} data-testid="compare-outcome">
        <strong>{bad ? 'Problems:' : 'Outcome:'}</strong> {line}
      </p>
      {files.length > COMPACT_GRAPH_MAX ? (
        <StateSummary variant={variant} views={column.views} />
      ) : (
        <CompactGraph variant={variant} layout={layout} types={types} views={column.views} />
      )}
    </section>
  );
}
