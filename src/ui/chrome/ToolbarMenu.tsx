import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

interface Props {
  label: string;
  testId: string;
  children: ReactNode;
  /** The panel's edge that lines up with the button (the last menus of a row open leftwards). */
  align?: 'start' | 'end';
}

/**
 * A toolbar button that shows a panel of controls under it (a disclosure, not an ARIA menu:
 * the panel holds form controls). The panel stays mounted while closed, so what it holds keeps
 * its state and its listeners (the share bar's drop target). Escape or a click outside closes
 * it; the focus then returns to the button.
 */
export function ToolbarMenu({ label, testId, children, align = 'start' }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const root = rootRef.current;
      // A modal dialog opened from the panel lives in it: clicks there stay inside.
      if (root && !root.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    // An open modal dialog handles its own Escape.
    if ((e.target as Element).closest('dialog')) return;
    e.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="toolbar-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="toolbar-menu-button"
        data-testid={testId}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div
        id={id}
        className={`toolbar-menu-panel ${align} ${open ? 'open' : 'closed'}`}
        data-testid={`${testId}-panel`}
        role="group"
        aria-label={label}
      >
        {children}
      </div>
    </div>
  );
}
