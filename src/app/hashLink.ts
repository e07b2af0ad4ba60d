/**
 * What the page opens at start, and the address it shows afterwards.
 *
 * Precedence: a share link (`#trace=...`) wins; else the saved work, unless the query names
 * another scenario or variant (a link to `?scenario=vm-full` opens that, fresh); else the
 * query (`?scenario=&variant=`), or seed under A. A refused link or unreadable saved work
 * leaves a notice and the next choice opens.
 *
 * Once a link is opened (or refused) its fragment is removed from the address: the address
 * then names the work that is open, a reload restores it from the autosave (at the step the
 * person was on, not the link's last step), and a refused link is not refused again.
 */
import { findScenario } from '../scenarios';
import { openedCorrections } from '../trace/corrections';
import { linkPayload, traceFromHash } from '../trace/link';
import { workOfTrace } from '../store';
import type { AppStore, AppStoreOptions, Work } from '../store';
import type { Restored } from './autosave';
import { readLocation, searchFor } from './url';
import type { TreeId, Variant } from '../engine';
import { DEFAULT_TREE } from '../engine';
import type { KernelRun } from '../trace/conform/types';

export type StartSource = 'link' | 'saved' | 'address';

export interface Start {
  options: AppStoreOptions;
  source: StartSource;
  /** The kernel run a share link carries, attached once the store exists. */
  run?: KernelRun;
}

/** The notice for a link that cannot be opened (`error` is `decodeLink`'s message). */
export const refusedLinkNotice = (error: string) =>
  `This share link cannot be opened: ${error}. The work that was open stays open.`;

const fromWork = (work: Work): AppStoreOptions => ({ ...work });

/** Whether the query names a scenario or variant other than the saved work's. */
function queryDiffers(search: string, work: Work): boolean {
  const params = new URLSearchParams(search);
  const scenario = params.get('scenario');
  const variant = params.get('variant');
  const kernel = params.get('kernel');
  return (
    (scenario !== null && scenario !== work.scenario.id) ||
    (variant !== null && variant !== work.variant) ||
    (kernel !== null && kernel !== (work.kernel ?? DEFAULT_TREE))
  );
}

/** Chooses what opens at start from the address and the saved work (`null`: none saved). */
export function chooseStart(search: string, hash: string, saved: Restored | null): Start {
  const linked = traceFromHash(hash);
  if (linked?.ok) {
    const opened = openedCorrections(linked.doc);
    return {
      options: {
        ...fromWork(workOfTrace(linked.doc)),
        notice: opened.notice,
        corrected: opened.marks,
      },
      source: 'link',
      run: linked.run,
    };
  }
  const notices: string[] = [];
  if (linked) notices.push(refusedLinkNotice(linked.error));
  if (saved && !saved.ok) {
    notices.push(`The saved work could not be restored (${saved.error}); started afresh.`);
  }
  let start: Start;
  if (saved?.ok && !queryDiffers(search, saved.work)) {
    start = { options: fromWork(saved.work), source: 'saved' };
  } else {
    const loc = readLocation(search);
    if (loc.notice) notices.push(loc.notice);
    start = {
      options: { scenario: loc.scenario, variant: loc.variant, kernel: loc.kernel },
      source: 'address',
    };
  }
  start.options.notice = notices.length ? notices.join(' ') : null;
  return start;
}

/**
 * The address of the open work: the query names its scenario (when it is one the page can
 * open by id) and variant, other parameters kept; no share-link fragment.
 */
export function addressFor(
  location: { pathname: string; search: string; hash: string },
  scenarioId: string,
  variant: Variant,
  kernel: TreeId = DEFAULT_TREE,
): string {
  let search = searchFor(location.search, scenarioId, variant, kernel);
  if (!findScenario(scenarioId)) {
    const params = new URLSearchParams(search);
    params.delete('scenario');
    search = `?${params.toString()}`;
  }
  const hash = linkPayload(location.hash) === null ? location.hash : '';
  return `${location.pathname}${search}${hash}`;
}

/** Opens a link pasted into the address bar of an open page (only the fragment changes). */
export function listenForLinks(store: AppStore, win: Window): () => void {
  const onHash = () => {
    const linked = traceFromHash(win.location.hash);
    if (linked === null) return;
    const s = store.getState();
    if (linked.ok) {
      const run = linked.run;
      const attach = () => run && store.getState().attachKernelRun(run);
      const opening = s.openTrace(linked.doc, 'the link');
      // A long trace replays in slices: its run is attached once it is open.
      if (store.getState().replaying) void opening.then(attach);
      else attach();
    } else s.setNotice(refusedLinkNotice(linked.error));
    const { scenario, variant, kernel } = store.getState();
    win.history.replaceState(null, '', addressFor(win.location, scenario.id, variant, kernel));
  };
  win.addEventListener('hashchange', onHash);
  return () => win.removeEventListener('hashchange', onHash);
}
