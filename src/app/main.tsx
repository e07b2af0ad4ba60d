import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../store';
import { StoreProvider } from '../ui/StoreProvider';
import '../ui/styles.css';
import { createExploreWorker } from './exploreWorker';
import { RecentWorkContext } from '../ui/recent/recentContext';
import { recentWork } from './recent';
import { chooseStart } from './hashLink';
import { readMode } from './mode';
import { Root } from './Root';
import { connectWork, startFrom } from './startup';
import { connectTour } from './tour';
import { connectTab, readTab } from './viewParam';

const { mode, step, notice } = readMode(window.location.search);
const embedded = mode.kind === 'embed';
// A share link, else this tab's saved work, else the address (see hashLink.ts, slots.ts). An
// embedded view shows what its address holds: it neither reads nor writes the saved work.
const start = embedded
  ? chooseStart(window.location.search, window.location.hash, null)
  : startFrom(window);
const notices = [start.options.notice, notice].filter(Boolean).join(' ');
const store = createAppStore({
  ...start.options,
  ...(step !== null ? { position: step } : {}),
  notice: notices || null,
  tab: readTab(window.location.search),
  exploreWorker: createExploreWorker,
});
let recent: ReturnType<typeof recentWork> = null;
if (!embedded) {
  const page = start as ReturnType<typeof startFrom>;
  connectWork(store, window, page);
  recent = recentWork(store, window, page);
  connectTab(store, window);
  connectTour(store, window);
  // `step` opened the history there once; a reload then restores where the person went.
  if (step !== null) {
    const { pathname, search, hash } = window.location;
    const params = new URLSearchParams(search);
    params.delete('step');
    const rest = params.toString();
    window.history.replaceState(null, '', `${pathname}${rest ? `?${rest}` : ''}${hash}`);
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <RecentWorkContext.Provider value={recent}>
        <Root initial={mode} />
      </RecentWorkContext.Provider>
    </StoreProvider>
  </StrictMode>,
);
