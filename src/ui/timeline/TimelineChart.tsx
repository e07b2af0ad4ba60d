import { useEffect, useRef } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { TimelineGeometry } from '../../layout/timeline';
import { TL_LABEL } from '../../layout/timeline';
import { TimelineBody } from './TimelineBody';
import { TimelineCursor } from './TimelineCursor';
import { TimelineLabels } from './TimelineLabels';

interface Props {
  geometry: TimelineGeometry;
  position: number;
  onJump(position: number): void;
  /** The accessible name of the chart (a slider over the history). */
  label: string;
  /** What the screen reader says of the position (the step shown, in words). */
  valueText: string;
  diff?: number | null;
  testId?: string;
  /** Drawn this many times larger (presenter mode); the geometry stays the same. */
  scale?: number;
}

const KEYS: Record<string, (p: number, n: number) => number> = {
  ArrowRight: (p) => p + 1,
  ArrowDown: (p) => p + 1,
  ArrowLeft: (p) => p - 1,
  ArrowUp: (p) => p - 1,
  PageDown: (p) => p + 10,
  PageUp: (p) => p - 10,
  Home: () => 0,
  End: (_, n) => n,
};

/**
 * The timeline drawn: row names on the left (they stay while the steps scroll), the steps on
 * the right. A click on a column or a glyph shows the state after that step; the chart is a
 * slider for the keyboard (arrows, Page Up/Down, Home, End).
 */
export function TimelineChart({
  geometry: g,
  position,
  onJump,
  label,
  valueText,
  diff,
  testId,
  scale = 1,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const n = g.columns.length;

  // The column shown stays in view. Read in the next frame, where the browser lays the page
  // out anyway: reading it right after the commit would force an extra layout of the page.
  useEffect(() => {
    const col = g.columns[position - 1];
    if (!col) return;
    const id = requestAnimationFrame(() => {
      const el = scrollRef.current;
      if (!el) return;
      const left = (col.x - TL_LABEL) * scale;
      const width = el.clientWidth - TL_LABEL * scale;
      if (left < el.scrollLeft || left + col.width * scale > el.scrollLeft + width) {
        el.scrollLeft = Math.max(0, left - width / 2);
      }
    });
    return () => cancelAnimationFrame(id);
  }, [g, position, scale]);

  const onClick = (e: MouseEvent) => {
    const hit = (e.target as Element).closest('[data-step]');
    const step = Number(hit?.getAttribute('data-step'));
    if (hit && Number.isInteger(step)) onJump(step);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const move = KEYS[e.key];
    if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    onJump(Math.max(0, Math.min(n, move(position, n))));
  };
  const bodyWidth = g.width - TL_LABEL;
  return (
    <div
      ref={scrollRef}
      className="tl-frame"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={n}
      aria-valuenow={position}
      aria-valuetext={valueText}
      data-testid={testId ?? 'timeline'}
      data-position={position}
      data-steps={n}
      onKeyDown={onKeyDown}
    >
      <svg
        className="tl-svg tl-label-svg"
        width={TL_LABEL * scale}
        height={g.height * scale}
        viewBox={`0 0 ${TL_LABEL} ${g.height}`}
        aria-hidden="true"
      >
        <TimelineLabels geometry={g} />
      </svg>
      <svg
        className="tl-svg tl-body-svg"
        width={Math.max(bodyWidth, 1) * scale}
        height={g.height * scale}
        viewBox={`${TL_LABEL} 0 ${Math.max(bodyWidth, 1)} ${g.height}`}
        aria-hidden="true"
        onClick={onClick}
      >
        <TimelineBody geometry={g} />
        <TimelineCursor geometry={g} position={position} diff={diff} />
      </svg>
    </div>
  );
}
