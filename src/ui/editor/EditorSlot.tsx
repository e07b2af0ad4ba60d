import { Suspense, lazy } from 'react';
import { selectEditorOpen } from '../../store';
import { useAppStore } from '../storeContext';

const EditorPanel = lazy(() => import('./EditorPanel'));

/** The scenario editor beside the graph, while it is open (loaded on first use). */
export function EditorSlot() {
  const open = useAppStore(selectEditorOpen);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="muted">Loading the editor…</p>}>
      <EditorPanel />
    </Suspense>
  );
}
