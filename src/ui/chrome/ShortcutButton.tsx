import { useEffect, useState } from 'react';
import { inField } from '../present/presenterKeys';
import { ShortcutSheet } from './ShortcutSheet';

/** "Keys": opens the shortcut sheet, as `?` does anywhere outside a text field. */
export function ShortcutButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || inField(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        data-testid="shortcuts-open"
        aria-keyshortcuts="?"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Keys
      </button>
      {open && <ShortcutSheet onClose={() => setOpen(false)} />}
    </>
  );
}
