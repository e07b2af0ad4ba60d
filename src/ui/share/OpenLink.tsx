import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useStoreApi } from '../storeContext';
import { openPasted } from './openLink';

/**
 * "Open a link or payload": where a share link, or the payload a mail gives when it has no
 * address to point at, is pasted and opened. A refusal is said beside the field and the work
 * that is open stays open.
 */
export function OpenLink() {
  const store = useStoreApi();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const open = (e: FormEvent) => {
    e.preventDefault();
    const opened = openPasted(text);
    const s = store.getState();
    if (!opened.ok) {
      setError(`Cannot open it: ${opened.error}. The work that was open stays open.`);
      s.announce('The pasted link or payload cannot be opened.');
      return;
    }
    setError(null);
    setText('');
    void s.openTrace(opened.doc, 'the pasted link');
  };

  return (
    <form className="open-link" data-testid="open-link" onSubmit={open}>
      <label htmlFor={`${id}-input`}>Open a link or payload</label>
      <input
        id={`${id}-input`}
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="https://…/#trace=1.… or 1.…"
        data-testid="open-link-input"
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : `${id}-error`}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" data-testid="open-link-submit">
        Open
      </button>
      {error !== null && (
        <p id={`${id}-error`} className="open-link-error" data-testid="open-link-error">
          {error}
        </p>
      )}
    </form>
  );
}
