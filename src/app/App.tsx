import { ActionLog } from '../ui/ActionLog';
import { AppToolbar } from '../ui/chrome/AppToolbar';
import { GraphColumn } from '../ui/chrome/GraphColumn';
import { EditorSlot } from '../ui/editor/EditorSlot';
import { HistoryPanel } from '../ui/history/HistoryPanel';
import { LazyViews } from '../ui/LazyViews';
import { LiveRegion } from '../ui/LiveRegion';
import { Notice } from '../ui/Notice';
import { ReplayStatus } from '../ui/ReplayStatus';
import { OutcomeBanner } from '../ui/OutcomeBanner';
import { RecentWork } from '../ui/recent/RecentWork';
import { ScenarioPicker } from '../ui/ScenarioPicker';
import { SessionBar } from '../ui/SessionBar';
import { SidePanel } from '../ui/SidePanel';
import { TourSlot } from '../ui/tour/TourSlot';
import { KernelPicker } from '../ui/KernelPicker';
import { VariantPicker } from '../ui/VariantPicker';
import { ViewPanel } from '../ui/ViewPanel';
import { ViewTabs } from '../ui/ViewTabs';

/**
 * The page: one header row (title, pickers, the tools in a toolbar), the outcome, the session
 * controls and the views; the graph view fills the rest of the screen, so the graph and the
 * outcome are in sight without a scroll (see styles/shell.css).
 */
export function App() {
  return (
    <>
      <header className="app-header">
        <h1>
          luoscope <span className="tagline">a lab for the kernel's Live Update Orchestrator</span>
        </h1>
        <div className="pickers">
          <ScenarioPicker />
          <VariantPicker />
          <KernelPicker />
        </div>
        <AppToolbar />
      </header>
      <main>
        <Notice />
        <ReplayStatus />
        <RecentWork />
        <OutcomeBanner />
        <SessionBar />
        <ViewTabs />
        <ViewPanel tab="graph">
          <div className="workspace">
            <GraphColumn />
            <aside className="sidebar" aria-label="Selected file, history and log">
              <TourSlot />
              <EditorSlot />
              <SidePanel />
              <HistoryPanel />
              <ActionLog />
            </aside>
          </div>
        </ViewPanel>
        <LazyViews />
      </main>
      <LiveRegion />
    </>
  );
}
