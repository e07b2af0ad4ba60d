import CompareView from '../compare/CompareView';
import { Graph } from '../Graph';
import { selectScenario } from '../../store';
import { useAppStore } from '../storeContext';
import TimelineView from '../timeline/TimelineView';
import './present.css';

/**
 * Embed mode (`?embed=graph|timeline|compare`): that view alone, sized to its frame, and a
 * small link that opens the same work in luoscope.
 */
export default function Embed({
  view,
  labHref,
}: {
  view: 'graph' | 'timeline' | 'compare';
  labHref: string;
}) {
  const scenario = useAppStore(selectScenario);
  return (
    <div className={`embed embed-${view}`} data-testid="embed" data-view={view}>
      <main className="embed-main">
        <h1 className="sr-only">luoscope: {scenario.title}</h1>
        {view === 'graph' && <Graph />}
        {view === 'timeline' && <TimelineView />}
        {view === 'compare' && <CompareView />}
      </main>
      <footer>
        <a
          className="embed-open"
          href={labHref}
          target="_blank"
          rel="noopener"
          data-testid="embed-open"
        >
          open in luoscope
        </a>
      </footer>
    </div>
  );
}
