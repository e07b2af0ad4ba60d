import { Graph } from '../Graph';

/** The graph view's main column: the graph, and under it the timeline strip where it fits. */
export function GraphColumn() {
  return (
    <div className="graph-column">
      <Graph />
    </div>
  );
}
