import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

/** The shortcut sheet: a modal dialog with every key of shortcuts.ts. Escape closes it. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="shortcut-sheet"
      data-testid="shortcut-sheet"
      aria-labelledby="shortcut-title"
      onClose={onClose}
    >
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      <div className="shortcut-groups">
        {SHORTCUTS.map((g) => (
          <table key={g.title} className="shortcut-table">
            <caption>{g.title}</caption>
            <tbody>
              {g.keys.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <button
        type="button"
        data-testid="shortcut-close"
        autoFocus
        onClick={() => ref.current?.close()}
      >
        Close (Esc)
      </button>
    </dialog>
  );
}
