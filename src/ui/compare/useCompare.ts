import { useMemo, useRef } from 'react';
import { selectScenario } from '../../store';
import type { LogEntry } from '../../store';
// Not re-exported by the store's index: only this lazily loaded view uses it.
import {
  alignLogs,
  columnAt,
  compareReplays,
  selectCompareActions,
  selectComparePosition,
  selectCompareVariants,
} from '../../store/compare';
import type { CompareCache } from '../../store/compare';
import { useAppStore } from '../storeContext';

/** The compare view's columns and aligned log at the history position. */
export function useCompare() {
  const { files } = useAppStore(selectScenario);
  const actions = useAppStore(selectCompareActions);
  const position = useAppStore(selectComparePosition);
  const variants = useAppStore(selectCompareVariants);
  // The last replays, so that one more action extends each column instead of replaying it.
  const cache = useRef<CompareCache | null>(null);
  const replays = useMemo(() => {
    cache.current = compareReplays(cache.current, files, actions, variants);
    return cache.current.replays;
  }, [files, actions, variants]);
  const columns = useMemo(
    () => variants.map((v) => columnAt(v, replays[v]!, files, position)),
    [variants, replays, files, position],
  );
  const alignment = useMemo(() => {
    const logs: Partial<Record<(typeof variants)[number], readonly LogEntry[]>> = {};
    for (const v of variants) logs[v] = replays[v]!.log;
    return alignLogs(logs, position);
  }, [variants, replays, position]);
  return { variants, columns, alignment, position, total: actions.length, replays };
}
