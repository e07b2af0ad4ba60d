import { ActionLog } from '../ui/ActionLog';
import { EditorSlot } from '../ui/editor/EditorSlot';
import { EditorToggle } from '../ui/editor/EditorToggle';
import { Graph } from '../ui/Graph';
import { HistoryPanel } from '../ui/history/HistoryPanel';
import { LazyViews } from '../ui/LazyViews';
import { LiveRegion } from '../ui/LiveRegion';
import { Notice } from '../ui/Notice';
import { OutcomeBanner } from '../ui/OutcomeBanner';
import { RecentWork } from '../ui/recent/RecentWork';
import { ScenarioPicker } from '../ui/ScenarioPicker';
import { SessionBar } from '../ui/SessionBar';
import { ShareBar } from '../ui/share/ShareBar';
import { SidePanel } from '../ui/SidePanel';
import { SwitchPanel } from '../ui/SwitchPanel';
import { TourLauncher } from '../ui/tour/TourLauncher';
import { TourSlot } from '../ui/tour/TourSlot';
import { KernelPicker } from '../ui/KernelPicker';
import { VariantPicker } from '../ui/VariantPicker';
import { ViewPanel } from '../ui/ViewPanel';
import { ViewTabs } from '../ui/ViewTabs';

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
        <div className="lab-tools">
          <TourLauncher />
          <EditorToggle />
        </div>
        <SwitchPanel />
        <ShareBar />
      </header>
      <main>
        <Notice />
        <RecentWork />
        <OutcomeBanner />
        <SessionBar />
        <ViewTabs />
        <ViewPanel tab="graph">
          <div className="workspace">
            <Graph />
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
