import { SPEEDS } from './usePlayback';
import type { Speed, usePlayback } from './usePlayback';

/** Play or pause the history, and how fast it steps. */
export function PlayControl({ play }: { play: ReturnType<typeof usePlayback> }) {
  return (
    <div className="play-control">
      <button
        type="button"
        data-testid="presenter-play"
        aria-pressed={play.playing}
        aria-keyshortcuts="p"
        onClick={play.toggle}
      >
        {play.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <label>
        Speed
        <select
          data-testid="presenter-speed"
          value={play.speed}
          onChange={(e) => play.setSpeed(e.target.value as Speed)}
        >
          {(Object.keys(SPEEDS) as Speed[]).map((s) => (
            <option key={s} value={s}>
              {s} ({SPEEDS[s]} s a step)
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
