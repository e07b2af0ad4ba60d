import { useCallback, useEffect, useRef, useState } from 'react';
import { currentTrace, selectKernelRun, selectPosition, selectStepCount } from '../../store';
import { ImportRunButton } from '../conform/ImportRunButton';
import type { AppData } from '../../store';
import { shareUrl } from '../../trace/link';
import { serializeTrace } from '../../trace/serialize';
import { useAppStore, useStoreApi } from '../storeContext';
import { ExportDialog } from './ExportDialog';
import { copyText, fileName, pageUrl, saveFile } from './files';
import { OpenLink } from './OpenLink';
import { openTraceFile } from './openTrace';
import { useFileDrop } from './useFileDrop';
import type * as Exports from './exports';

interface Shared {
  url: string;
  copied: boolean;
}

const workChanged = (a: AppData, b: AppData) =>
  a.scenario !== b.scenario ||
  a.variant !== b.variant ||
  a.overrides !== b.overrides ||
  a.actions !== b.actions ||
  a.position !== b.position;

/**
 * Keeping and passing on the work: a share link, the trace as a `.json` file (and opening one,
 * by picker or by dropping it on the page), the text for a mail reply, a C reproducer. All of
 * them hold the steps up to the one shown.
 */
export function ShareBar() {
  const store = useStoreApi();
  const position = useAppStore(selectPosition);
  const count = useAppStore(selectStepCount);
  const [shared, setShared] = useState<Shared | null>(null);
  const [mail, setMail] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const onFile = useCallback((file: File) => void openTraceFile(store, file), [store]);
  const dragging = useFileDrop(onFile);

  // A link made before the work changed is stale: it goes.
  useEffect(() => store.subscribe((s, prev) => workChanged(s, prev) && setShared(null)), [store]);
  useEffect(() => {
    if (shared && !shared.copied) linkRef.current?.select();
  }, [shared]);

  const base = () => pageUrl(window.location.href);
  const name = (ext: string) => {
    const s = store.getState();
    return fileName(s.scenario.id, s.variant, s.position, ext);
  };
  const share = async () => {
    const doc = currentTrace(store.getState());
    const run = selectKernelRun(store.getState())?.run;
    const url = shareUrl(base(), doc, run && run.steps <= doc.steps.length ? run : undefined);
    const copied = await copyText(url);
    setShared({ url, copied });
    store
      .getState()
      .announce(
        copied
          ? `Share link copied to the clipboard (${url.length} characters).`
          : `The share link is selected in the field: copy it with Ctrl+C (${url.length} characters).`,
      );
  };
  const download = () => {
    saveFile(name('json'), serializeTrace(currentTrace(store.getState())), 'application/json');
    store.getState().announce('Trace downloaded as a .json file.');
  };
  /** Runs `use` with the export module (loaded on first use); a failed load leaves a notice. */
  const withExports = (use: (m: typeof Exports) => void) =>
    import('./exports').then(use, (error: unknown) =>
      store.getState().setNotice(`The export could not be loaded: ${String(error)}.`),
    );
  const reproducer = () =>
    withExports((m) => {
      saveFile(name('c'), m.cReproducer(currentTrace(store.getState())), 'text/x-csrc');
      store.getState().announce('C reproducer downloaded.');
    });
  const openMail = () =>
    withExports((m) => {
      const s = store.getState();
      setMail(m.mailText(currentTrace(s), base(), selectKernelRun(s)));
    });

  return (
    <section className="share" aria-labelledby="share-title" data-testid="share">
      <h2 id="share-title" className="sr-only">
        Keep and share
      </h2>
      <div className="share-buttons">
        <button type="button" data-testid="share-link" onClick={() => void share()}>
          Copy share link
        </button>
        <button type="button" data-testid="export-json" onClick={download}>
          Download trace (.json)
        </button>
        <label className="file-button">
          Open trace file…
          <input
            type="file"
            className="sr-only"
            accept=".json,application/json"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
          />
        </label>
        <button type="button" data-testid="export-text" onClick={() => void openMail()}>
          Text for a mail reply
        </button>
        <button type="button" data-testid="export-c" onClick={() => void reproducer()}>
          Download C reproducer
        </button>
        <ImportRunButton />
      </div>
      <OpenLink />
      <p className="muted share-scope" data-testid="share-scope">
        {position < count
          ? `Links and exports hold steps 1 to ${position} of ${count}, the step shown; the later ones (redo) are left out. A link opens at its last step.`
          : `Links and exports hold all ${count} step${count === 1 ? '' : 's'}; a link opens at its last step. Drop a .json trace on the page to open it.`}
      </p>
      {shared && (
        <p className="share-result">
          <label>
            Share link ({shared.url.length} characters)
            <input
              ref={linkRef}
              readOnly
              data-testid="share-url"
              value={shared.url}
              onFocus={(e) => e.target.select()}
            />
          </label>
          <span data-testid="share-status" data-copied={String(shared.copied)}>
            {shared.copied ? 'Copied to the clipboard.' : 'Copy it from the field (Ctrl+C).'}
          </span>
        </p>
      )}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          Drop a luoscope trace (.json) to open it
        </div>
      )}
      {mail !== null && <ExportDialog text={mail} onClose={() => setMail(null)} />}
    </section>
  );
}
