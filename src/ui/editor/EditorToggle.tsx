import { useEffect, useRef } from 'react';
import { selectEditorOpen } from '../../store';
import { useAppStore, useStoreApi } from '../storeContext';

/** Opens and closes the scenario editor; the focus comes back here when it closes. */
export function EditorToggle() {
  const store = useStoreApi();
  const open = useAppStore(selectEditorOpen);
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <button
      ref={ref}
      type="button"
      data-testid="editor-toggle"
      aria-expanded={open}
      aria-controls={open ? 'scenario-editor' : undefined}
      onClick={() => store.getState().setEditorOpen(!open)}
    >
      {open ? 'Close the scenario editor' : 'Edit scenario'}
    </button>
  );
}
