/** The arrow head at the end of a dependency edge, as an SVG marker with this id. */
export function ArrowMarker({ id }: { id: string }) {
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX={9}
      refY={5}
      markerWidth={8}
      markerHeight={8}
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
    </marker>
  );
}
