import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { selectScenario } from '../../store';
import type { LogEntry } from '../../store';
// Not re-exported by the store's index: only this lazily loaded view uses it.
import {
  alignLogs,
  columnAt,
  compareInSlices,
  compareReplays,
  compareWork,
  selectCompareActions,
  selectComparePosition,
  selectCompareVariants,
} from '../../store/compare';
import type { CompareCache } from '../../store/compare';
import { SYNC_STEPS } from '../../store/replayJob';
import type { ReplayProgress } from '../../store/replayJob';
import { useAppStore } from '../storeContext';

/**
 * The compare view's columns and aligned log at the history position. A short history (or
 * one more action) is replayed at once; a long one in slices, with `progress` meanwhile and
 * no columns until every column is replayed.
 */
export function useCompare() {
  const { files } = useAppStore(selectScenario);
  const actions = useAppStore(selectCompareActions);
  const position = useAppStore(selectComparePosition);
  const variants = useAppStore(selectCompareVariants);
  // The last replays, so that one more action extends each column instead of replaying it.
  const cache = useRef<CompareCache | null>(null);
  const [progress, setProgress] = useState<ReplayProgress | null>(null);
  // The replays of the last sliced replay that finished.
  const [finished, setFinished] = useState<CompareCache | null>(null);
  // Start from the replays kept from the last render or from those, whichever leaves less.
  // Each count walks the history once per column: made once per render, and not at all for
  // the finished replays once the cache holds them.
  const kept = compareWork(cache.current, files, actions, variants);
  const done =
    finished && finished !== cache.current
      ? compareWork(finished, files, actions, variants)
      : Infinity;
  const start = done < kept ? finished : cache.current;
  const long = Math.min(done, kept) > SYNC_STEPS;
  const replays = useMemo(() => {
    if (long) return null;
    cache.current = compareReplays(start, files, actions, variants);
    return cache.current.replays;
  }, [start, files, actions, variants, long]);
  useEffect(() => {
    if (!long) return;
    let live = true;
    void compareInSlices(start, files, actions, variants, (p) => {
      if (live) setProgress(p);
      return live;
    }).then((done) => {
      if (!done || !live) return;
      // Drawn as a transition, which React renders in slices too: four columns of a large
      // scenario and the log are more than a frame's work.
      startTransition(() => {
        setProgress(null);
        setFinished(done);
      });
    });
    return () => {
      live = false;
    };
  }, [start, files, actions, variants, long]);
  const columns = useMemo(
    () => (replays ? variants.map((v) => columnAt(v, replays[v]!, files, position)) : []),
    [variants, replays, files, position],
  );
  const alignment = useMemo(() => {
    const logs: Partial<Record<(typeof variants)[number], readonly LogEntry[]>> = {};
    if (replays) for (const v of variants) logs[v] = replays[v]!.log;
    return alignLogs(logs, replays ? position : 0);
  }, [variants, replays, position]);
  return {
    variants,
    columns,
    alignment,
    position,
    total: actions.length,
    replays,
    progress: replays ? null : progress,
  };
}
