/** What the shapes and lines mean, in words beside a small copy of each. */
export function TimelineLegend() {
  return (
    <ul className="tl-legend" aria-label="Timeline legend">
      <li>
        <svg width="18" height="18" aria-hidden="true" className="tl-glyph ok">
          <circle className="tl-shape" cx="9" cy="9" r="7" />
        </svg>
        P preserve
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" className="tl-glyph ok">
          <rect className="tl-shape" x="2" y="2" width="14" height="14" rx="2" />
        </svg>
        R retrieve
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" className="tl-glyph ok implicit">
          <path className="tl-shape" d="M9 1l8 8l-8 8l-8-8z" />
        </svg>
        r retrieved by the kernel (dashed arc)
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" className="tl-glyph ok">
          <path className="tl-shape" d="M9 1l8 15h-16z" />
        </svg>
        F finish
      </li>
      <li>C, RS, X: create, retrieve, close a session</li>
      <li>struck through, errno under it: refused</li>
      <li>arc: preserved in one boot, retrieved in the next</li>
    </ul>
  );
}
