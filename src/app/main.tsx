import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../store';
import { StoreProvider } from '../ui/StoreProvider';
import '../ui/styles.css';
import { App } from './App';
import { readLocation, searchFor } from './url';

const location = readLocation(window.location.search);
const store = createAppStore(location);

// The address follows the scenario and variant, so a reload or a copied link reopens them.
store.subscribe((s, prev) => {
  if (s.scenario === prev.scenario && s.variant === prev.variant) return;
  const search = searchFor(window.location.search, s.scenario.id, s.variant);
  window.history.replaceState(null, '', search);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
