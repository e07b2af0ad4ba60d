import { useMemo } from 'react';
import type { CompareKey } from '../../store';
import { compareLabel } from '../../store';
import { TIMELINE_MAX_STEPS, layoutTimeline } from '../../layout/timeline';
import { selectScenario } from '../../store';
import type { Replay } from '../../store/replay';
import { useAppStore, useStoreApi } from '../storeContext';
import { TimelineChart } from './TimelineChart';
import { stepText } from './useTimeline';
import './timeline.css';

interface Props {
  variants: readonly CompareKey[];
  replays: Partial<Record<CompareKey, Replay>>;
  position: number;
  /** 0-based index of the first action whose result differs, or null. */
  firstDifference: number | null;
}

/** One timeline per compared variant, one above the other, so that step N lines up in each. */
export function CompareTimelines({ variants, replays, position, firstDifference }: Props) {
  const store = useStoreApi();
  const { files } = useAppStore(selectScenario);
  const charts = useMemo(
    () =>
      variants.flatMap((v) => {
        const r = replays[v];
        if (!r || r.log.length > TIMELINE_MAX_STEPS) return [];
        return [{ v, r, g: layoutTimeline({ files, states: r.states, log: r.log }) }];
      }),
    [variants, replays, files],
  );
  if (charts.length === 0 || charts[0]!.g.columns.length === 0) return null;
  const diff = firstDifference === null ? null : firstDifference + 1;
  const onJump = (p: number) => store.getState().jumpTo(p);
  return (
    <section className="compare-timelines" aria-labelledby="compare-timelines-title">
      <h3 id="compare-timelines-title">
        Timelines{diff ? `: the first difference is at step ${diff} (dashed, ≠)` : ''}
      </h3>
      {charts.map(({ v, r, g }) => (
        <div key={v} className="compare-timeline" data-testid={`compare-timeline-${v}`}>
          <h4>{compareLabel(v)}</h4>
          <TimelineChart
            geometry={g}
            position={position}
            onJump={onJump}
            label={`Timeline under variant ${v}: step shown`}
            valueText={stepText(position, r.log.length, r.log[position - 1])}
            diff={diff}
            testId={`timeline-${v}`}
          />
        </div>
      ))}
    </section>
  );
}
