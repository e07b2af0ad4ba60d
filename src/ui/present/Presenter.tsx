import { useEffect, useState } from 'react';
import { VARIANTS } from '../../engine';
import { selectPosition, selectScenario, selectStepCount, selectVariant } from '../../store';
import { Graph } from '../Graph';
import { OutcomeBanner } from '../OutcomeBanner';
import { ShortcutSheet } from '../chrome/ShortcutSheet';
import { useAppStore, useStoreApi } from '../storeContext';
import TimelineView from '../timeline/TimelineView';
import { VARIANT_INFO } from '../variants';
import { PlayControl } from './PlayControl';
import { inField } from './presenterKeys';
import { usePlayback } from './usePlayback';
import './present.css';

/**
 * Presenter mode (`?present`): large type, only the graph (or the timeline) and the outcome,
 * the keys of presenterKeys.ts to step through the history, a play button with its speed.
 */
export default function Presenter({ onLeave }: { onLeave(): void }) {
  const store = useStoreApi();
  const scenario = useAppStore(selectScenario);
  const variant = useAppStore(selectVariant);
  const position = useAppStore(selectPosition);
  const count = useAppStore(selectStepCount);
  const [timeline, setTimeline] = useState(false);
  const [sheet, setSheet] = useState(false);
  const play = usePlayback(store);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (e.key !== 'Escape' && inField(e.target)) return;
      // The shortcut sheet (a modal dialog) takes its own Escape.
      if (e.key === 'Escape' && sheet) return;
      const s = store.getState();
      const actions: Record<string, () => void> = {
        ArrowRight: () => s.jumpTo(s.position + 1),
        ' ': () => s.jumpTo(s.position + 1),
        ArrowLeft: () => s.jumpTo(s.position - 1),
        Home: () => s.jumpTo(0),
        End: () => s.jumpTo(s.actions.length),
        p: play.toggle,
        v: () => s.setVariant(VARIANTS[(VARIANTS.indexOf(s.variant) + 1) % VARIANTS.length]!),
        t: () => setTimeline((x) => !x),
        f: () =>
          void (
            document.fullscreenElement
              ? document.exitFullscreen()
              : document.documentElement.requestFullscreen()
          ).catch(() => s.setNotice('Full screen is not allowed here.')),
        '?': () => setSheet(true),
        Escape: () => {
          play.stop();
          onLeave();
        },
      };
      const act = actions[e.key];
      if (!act) return;
      // A focused button or the timeline take Space and the arrows themselves.
      if (e.key !== 'Escape' && (e.target as Element).closest?.('button, [role="slider"]')) {
        if (e.key === ' ' || e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End')
          return;
      }
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, play, onLeave, sheet]);

  return (
    <div className="presenter" data-testid="presenter" data-view={timeline ? 'timeline' : 'graph'}>
      <header className="presenter-bar">
        <h1>{scenario.title}</h1>
        <p className="presenter-variant" data-testid="presenter-variant" data-variant={variant}>
          Variant <strong>{variant}</strong>: {VARIANT_INFO[variant].what}
        </p>
        <p
          className="presenter-step"
          data-testid="presenter-step"
          data-position={position}
          data-steps={count}
        >
          Step <strong>{position}</strong> of {count}
        </p>
        <PlayControl play={play} />
        <button type="button" data-testid="presenter-keys" onClick={() => setSheet(true)}>
          Keys (?)
        </button>
        <button type="button" data-testid="presenter-leave" onClick={onLeave}>
          Leave (Esc)
        </button>
      </header>
      <main className="presenter-main">
        <OutcomeBanner />
        {timeline ? <TimelineView scale={1.6} /> : <Graph maxFit={2.4} />}
      </main>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  );
}
