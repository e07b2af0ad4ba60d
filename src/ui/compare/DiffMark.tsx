/** "differs" with an icon (a not-equal sign): the mark does not rely on colour. */
export function DiffMark({ first, label }: { first: boolean; label?: string }) {
  return (
    <span className="diff-mark">
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M3 6h10M3 10h10M11 2L5 14" className="diff-icon" />
      </svg>
      {label ?? (first ? 'first difference' : 'differs')}
    </span>
  );
}
