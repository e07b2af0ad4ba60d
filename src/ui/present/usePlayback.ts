import { useEffect, useState } from 'react';
import type { AppStore } from '../../store';

/** Seconds between two steps, by speed name. */
export const SPEEDS = { slow: 2.5, normal: 1.5, fast: 0.7 } as const;
export type Speed = keyof typeof SPEEDS;

/**
 * Steps through the history on its own while playing; stops at the last step. A timer exists
 * only while playing: idle, the page does nothing.
 */
export function usePlayback(store: AppStore) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>('normal');
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      const s = store.getState();
      if (s.position >= s.actions.length) setPlaying(false);
      else s.jumpTo(s.position + 1);
    }, SPEEDS[speed] * 1000);
    return () => window.clearInterval(id);
  }, [playing, speed, store]);
  const toggle = () => {
    const s = store.getState();
    // Play from the start when the history is at its end.
    if (!playing && s.position >= s.actions.length) s.jumpTo(0);
    setPlaying(!playing);
  };
  return { playing, toggle, stop: () => setPlaying(false), speed, setSpeed };
}
