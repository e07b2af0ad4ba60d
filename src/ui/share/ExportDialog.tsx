import { useEffect, useRef, useState } from 'react';
import { copyText } from './files';
import { useStoreApi } from '../storeContext';

/**
 * The text for a mail reply in a modal dialog: plain ASCII, at most 72 columns, the share link
 * on its last line. Escape or Close shuts it and the focus returns where it was.
 */
export function ExportDialog({ text, onClose }: { text: string; onClose: () => void }) {
  const store = useStoreApi();
  const ref = useRef<HTMLDialogElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);

  const copy = async () => {
    const ok = await copyText(text);
    setCopied(ok);
    if (!ok) areaRef.current?.select();
    store
      .getState()
      .announce(
        ok ? 'Text copied to the clipboard.' : 'The text is selected: copy it with Ctrl+C.',
      );
  };

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="export-title"
      data-testid="export-dialog"
      onClose={onClose}
    >
      <h2 id="export-title">Text for a mail reply</h2>
      <p className="muted" id="export-hint">
        Plain ASCII, no line over 72 columns, the same text for the same trace; the share link is on
        the last line (or, where this page has no public address, the payload to paste into
        &quot;Open a link or payload&quot;).
      </p>
      <textarea
        ref={areaRef}
        readOnly
        rows={24}
        cols={76}
        spellCheck={false}
        aria-labelledby="export-title"
        aria-describedby="export-hint"
        data-testid="export-text-body"
        value={text}
      />
      <div className="dialog-buttons">
        <button type="button" data-testid="export-text-copy" onClick={() => void copy()}>
          Copy text
        </button>
        {copied !== null && (
          <span data-testid="export-copy-status">
            {copied ? 'Copied to the clipboard.' : 'Copy it from the field (Ctrl+C).'}
          </span>
        )}
        <button type="button" data-testid="export-close" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
