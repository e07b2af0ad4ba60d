import { Suspense, lazy, useState } from 'react';
import { PresentContext } from '../ui/chrome/modeContext';
import { App } from './App';
import { labSearch } from './mode';
import type { Mode } from './mode';

// Presenter and embed modes load on first use: the lab does not pay for them at startup.
const Presenter = lazy(() => import('../ui/present/Presenter'));
const Embed = lazy(() => import('../ui/present/Embed'));

function setAddress(search: string) {
  const { pathname, hash } = window.location;
  window.history.replaceState(null, '', `${pathname}${search}${hash}`);
}

/** The lab, the presenter mode or an embedded view, as the address asked. */
export function Root({ initial }: { initial: Mode }) {
  const [mode, setMode] = useState<Mode>(initial);
  const leave = () => {
    setAddress(labSearch(window.location.search));
    setMode({ kind: 'lab' });
  };
  const present = () => {
    const lab = labSearch(window.location.search);
    setAddress(lab ? `${lab}&present` : '?present');
    setMode({ kind: 'present' });
  };
  if (mode.kind === 'lab')
    return (
      <PresentContext.Provider value={present}>
        <App />
      </PresentContext.Provider>
    );
  const { pathname, search, hash } = window.location;
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      {mode.kind === 'present' ? (
        <Presenter onLeave={leave} />
      ) : (
        <Embed view={mode.view} labHref={`${pathname}${labSearch(search)}${hash}`} />
      )}
    </Suspense>
  );
}
