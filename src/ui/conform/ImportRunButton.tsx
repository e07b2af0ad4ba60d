import { Suspense, lazy, useState } from 'react';

const ImportRunDialog = lazy(() => import('./ImportRunDialog'));

/** Opens "Import a kernel run" (the dialog and the reader load on first use). */
export function ImportRunButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="import-run" onClick={() => setOpen(true)}>
        Import a kernel run…
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportRunDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
