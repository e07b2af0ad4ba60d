import type { Variant } from '../../engine';
import { classesOf } from '../../explore/runs';
import type { ExploreResult } from '../../explore';
import { stackedBars } from '../../layout/stackedBars';
import { selectExploreQueued, selectExploreResults } from '../../store';
import { useAppStore } from '../storeContext';
import { formatCount, formatShare } from './format';

const WIDTH = 560;
const ROW = 34;
/** Fill patterns, told apart by shape as well as shade: the chart must read without colour. */
const PATTERNS = ['solid', 'hatch', 'cross', 'dots', 'vertical', 'back', 'grid'] as const;

function Patterns() {
  return (
    <defs>
      <pattern id="ex-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
        <path d="M0 6 L6 0" className="ex-ink" />
      </pattern>
      <pattern id="ex-back" width="6" height="6" patternUnits="userSpaceOnUse">
        <path d="M0 0 L6 6" className="ex-ink" />
      </pattern>
      <pattern id="ex-cross" width="6" height="6" patternUnits="userSpaceOnUse">
        <path d="M0 6 L6 0 M0 0 L6 6" className="ex-ink" />
      </pattern>
      <pattern id="ex-dots" width="5" height="5" patternUnits="userSpaceOnUse">
        <circle cx="2.5" cy="2.5" r="1.2" className="ex-dot" />
      </pattern>
      <pattern id="ex-vertical" width="4" height="4" patternUnits="userSpaceOnUse">
        <path d="M2 0 L2 4" className="ex-ink" />
      </pattern>
      <pattern id="ex-grid" width="6" height="6" patternUnits="userSpaceOnUse">
        <path d="M0 3 L6 3 M3 0 L3 6" className="ex-ink" />
      </pattern>
    </defs>
  );
}

const label = (bits: number) => classesOf(bits).join(' + ');

function parts(r: ExploreResult) {
  return Object.entries(r.byBits ?? {})
    .map(([bits, count]) => ({ key: bits, count }))
    .sort((a, b) => Number(a.key) - Number(b.key));
}

/**
 * For each variant, the share of runs of each exact set of classes as a stacked bar (each set
 * has its own fill pattern and a numbered key), with every count and percentage beside it.
 */
export function ExploreChart() {
  const queued = useAppStore(selectExploreQueued);
  const results = useAppStore(selectExploreResults);
  const done = queued.filter((v): v is Variant => results[v]?.byBits !== undefined);
  if (done.length === 0) return null;
  const keys = [...new Set(done.flatMap((v) => parts(results[v]!).map((p) => p.key)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const pattern = (key: string) => PATTERNS[keys.indexOf(key) % PATTERNS.length]!;
  const bars = stackedBars(
    done.map((v) => ({ id: v, parts: parts(results[v]!) })),
    WIDTH,
    done.length * ROW,
  );
  return (
    <figure className="explore-chart" data-testid="explore-chart">
      <figcaption>Share of runs by the exact set of classes they fall in</figcaption>
      {bars.map((bar) => {
        const r = results[bar.id as Variant]!;
        return (
          <div key={bar.id} className="explore-bar" data-testid={`explore-bar-${bar.id}`}>
            <svg width={WIDTH + 40} height={ROW} role="img" aria-label={`Variant ${bar.id}`}>
              <Patterns />
              <text x={0} y={ROW / 2 + 5} className="ex-variant">
                {bar.id}
              </text>
              {bar.segments.map((s) => (
                <rect
                  key={s.key}
                  data-key={s.key}
                  x={30 + s.x}
                  y={4}
                  width={s.width}
                  height={ROW - 8}
                  className={`ex-seg ex-${pattern(s.key)}`}
                  fill={pattern(s.key) === 'solid' ? undefined : `url(#ex-${pattern(s.key)})`}
                >
                  <title>{`${label(Number(s.key))}: ${formatShare(r.byBits![Number(s.key)]!, r.runs)}`}</title>
                </rect>
              ))}
            </svg>
            <ul className="explore-legend">
              {parts(r)
                .filter((p) => p.count > 0n)
                .map((p) => (
                  <li key={p.key} data-testid={`explore-share-${bar.id}-${p.key}`}>
                    <svg width="14" height="14" aria-hidden="true">
                      <Patterns />
                      <rect
                        width="14"
                        height="14"
                        className={`ex-seg ex-${pattern(p.key)}`}
                        fill={pattern(p.key) === 'solid' ? undefined : `url(#ex-${pattern(p.key)})`}
                      />
                    </svg>{' '}
                    <code>{label(Number(p.key))}</code>:{' '}
                    <strong>{formatShare(p.count, r.runs)}</strong>{' '}
                    <span className="count" title={`${p.count} runs`}>
                      ({formatCount(p.count)} runs)
                    </span>
                  </li>
                ))}
            </ul>
          </div>
        );
      })}
    </figure>
  );
}
