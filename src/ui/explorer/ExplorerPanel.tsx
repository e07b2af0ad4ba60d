import { EXPLORE_MAX_FILES } from '../../explore';
import { exploreBlocked, selectExploreStatus, selectScenario } from '../../store';
import { useAppStore } from '../storeContext';
import { ExploreControls } from './ExploreControls';
import { ExploreStatus } from './ExploreStatus';
import { ExploreTable } from './ExploreTable';
import './explorer.css';

/** Above this many files an exploration can take minutes or more (states grow as 3^n). */
const SLOW_FILES = 9;

/**
 * Every run of the scenario under each chosen variant, counted exactly by class, in a Web
 * Worker: the page stays responsive and Cancel stops the worker.
 */
export default function ExplorerPanel() {
  const scenario = useAppStore(selectScenario);
  const status = useAppStore(selectExploreStatus);
  const n = scenario.files.length;
  const blocked = exploreBlocked(scenario.files);
  return (
    <section
      className="explorer"
      data-testid="explorer"
      data-status={status}
      aria-labelledby="explorer-title"
    >
      <h2 id="explorer-title">Every ordering of “{scenario.title}”, counted</h2>
      <p className="run-definition">
        A <strong>run</strong> is one way a VMM can go through a live update of this scenario. In
        boot 0 it creates a session <code>s</code> and tries to preserve some of the files, each at
        most once and in any order (a file&apos;s token is its position in the scenario; refused
        attempts are part of the run). Then it calls kexec; a failed kexec ends the run. In boot 1
        it retrieves session <code>s</code> and tries to retrieve some of the preserved tokens, each
        at most once and in any order. It ends with FINISH (and closes the session if FINISH is
        refused), or closes the session without FINISH. File properties stay as the scenario sets
        them; each variant runs as proposed, without the advanced switches.
      </p>
      {blocked ? (
        <p className="notice" data-testid="explore-disabled">
          The explorer is off for this scenario. {blocked}
        </p>
      ) : (
        n >= SLOW_FILES && (
          <p className="notice" data-testid="explore-slow">
            {n} files: an exploration can take minutes or much longer and a lot of memory (at most{' '}
            {EXPLORE_MAX_FILES} files). It runs beside the page; Cancel stops it.
          </p>
        )
      )}
      <ExploreControls blocked={blocked !== null} />
      <ExploreStatus />
      <ExploreTable />
    </section>
  );
}
