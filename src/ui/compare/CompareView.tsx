import { useMemo } from 'react';
import { selectLayout, selectScenario } from '../../store';
import { useAppStore } from '../storeContext';
import { CompareColumn } from './CompareColumn';
import { CompareLog } from './CompareLog';
import { CompareStepper } from './CompareStepper';
import { CompareTimelines } from '../timeline/CompareTimelines';
import { CompareToggles } from './CompareToggles';
import { FirstDifference } from './FirstDifference';
import { useCompare } from './useCompare';
import { useKernelReport } from '../conform/useKernelReport';
import { KernelSummary } from './KernelSummary';
import { ReplayProgressLine } from '../ReplayStatus';
import './compare.css';

/**
 * The current history replayed under two to four variants at once: a compact graph per
 * variant, the log aligned step by step, and the first step whose result differs. It shows
 * the state at the history position, as the graph view does.
 */
export default function CompareView() {
  const scenario = useAppStore(selectScenario);
  const layout = useAppStore(selectLayout);
  const { variants, columns, alignment, position, total, replays, progress } = useCompare();
  const kernel = useKernelReport();
  const types = useMemo(
    () => new Map(scenario.files.map((f) => [f.id as string, f.type as string])),
    [scenario],
  );
  const grid = {
    gridTemplateColumns: `var(--step-col) repeat(${variants.length}, minmax(0, 1fr))`,
  };
  return (
    <section className="compare" data-testid="compare-view" aria-labelledby="compare-title">
      <h2 id="compare-title">The same actions under each variant</h2>
      <p className="hint">
        Each column replays this history ({position === total ? '' : `step ${position} of `}
        {total} action{total === 1 ? '' : 's'}) under one variant as proposed; the advanced switches
        of the graph view are not applied here. Take actions in the graph view or with the session
        controls above, move in the history, and every column follows.
      </p>
      {!replays && (
        <ReplayProgressLine
          job={progress ?? { what: 'the comparison', done: 0, total: total }}
          testId="compare-replaying"
        />
      )}
      <div className="compare-grid" style={grid}>
        <div className="compare-aside">
          <CompareToggles />
          <CompareStepper />
          {replays && <FirstDifference variants={variants} alignment={alignment} />}
          {kernel && <KernelSummary report={kernel.report} name={kernel.name} />}
        </div>
        {columns.map((c) => (
          <CompareColumn
            key={c.variant}
            column={c}
            layout={layout}
            files={scenario.files}
            types={types}
          />
        ))}
      </div>
      {replays && (
        <>
          <CompareLog variants={variants} alignment={alignment} kernel={kernel} />
          <CompareTimelines
            variants={variants}
            replays={replays}
            position={position}
            firstDifference={alignment.firstDifference}
          />
        </>
      )}
    </section>
  );
}
