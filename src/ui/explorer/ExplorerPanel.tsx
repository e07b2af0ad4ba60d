import { fileClasses } from '../../explore/symmetry';
import { selectExploreStatus, selectScenario } from '../../store';
import { useAppStore } from '../storeContext';
import { ExploreChart } from './ExploreChart';
import { ExploreControls } from './ExploreControls';
import { ExploreShape } from './ExploreShape';
import { ExploreStatus } from './ExploreStatus';
import { ExploreTable } from './ExploreTable';
import './explorer.css';

/**
 * Above this many classes of interchangeable files an exploration can take minutes: the
 * states grow with the product of the classes' sizes (docs/explore.md).
 */
const SLOW_CLASSES = 8;

/**
 * Every run of the scenario under each chosen variant, counted exactly by class, in a Web
 * Worker: the page stays responsive and Cancel stops the worker.
 */
export default function ExplorerPanel() {
  const scenario = useAppStore(selectScenario);
  const status = useAppStore(selectExploreStatus);
  const classes = fileClasses(scenario.files).members.length;
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
        them; each variant runs as proposed, without the advanced switches. The run shape widens
        this: up to 3 sessions (each preserve attempt chooses one), a second kexec (each session
        finished, closed or left before it), and the VMM&apos;s own steps before kexec (stop a vCPU,
        turn a device&apos;s interrupts off, seal a memfd). Interchangeable files (same type,
        dependencies and properties) are counted as a class, and parts of the scenario that share no
        dependency are explored apart and combined, exactly.
      </p>
      {classes >= SLOW_CLASSES && (
        <p className="notice" data-testid="explore-slow">
          {classes} classes of interchangeable files: files that share no dependency are counted
          apart and combined, so a real VM takes seconds; a wider run shape (more sessions, a second
          kexec) can take longer and stops at its budget of states. It runs beside the page; Cancel
          stops it.
        </p>
      )}
      <ExploreControls blocked={false} />
      <ExploreShape />
      <ExploreStatus />
      <ExploreChart />
      <ExploreTable />
    </section>
  );
}
