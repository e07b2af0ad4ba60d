import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../store';
import { StoreProvider } from '../ui/StoreProvider';
import '../ui/styles.css';
import { App } from './App';
import { connectWork, startFrom } from './startup';

// A share link, else the saved work, else the address (see hashLink.ts).
const start = startFrom(window);
const store = createAppStore(start.options);
connectWork(store, window, start);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
