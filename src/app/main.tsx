import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../store';
import { StoreProvider } from '../ui/StoreProvider';
import '../ui/styles.css';
import { App } from './App';
import { createExploreWorker } from './exploreWorker';
import { RecentWorkContext } from '../ui/recent/recentContext';
import { recentWork } from './recent';
import { connectWork, startFrom } from './startup';
import { connectTour } from './tour';
import { connectTab, readTab } from './viewParam';

// A share link, else this tab's saved work, else the address (see hashLink.ts, slots.ts).
const start = startFrom(window);
const store = createAppStore({
  ...start.options,
  tab: readTab(window.location.search),
  exploreWorker: createExploreWorker,
});
connectWork(store, window, start);
const recent = recentWork(store, window, start);
connectTab(store, window);
connectTour(store, window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <RecentWorkContext.Provider value={recent}>
        <App />
      </RecentWorkContext.Provider>
    </StoreProvider>
  </StrictMode>,
);
