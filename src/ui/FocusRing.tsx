import { NODE_HEIGHT, NODE_WIDTH } from '../layout';

/** The ring a focused node (a file or a group) shows around its box. */
export function FocusRing() {
  return (
    <rect
      className="focus-ring"
      x={-5}
      y={-5}
      width={NODE_WIDTH + 10}
      height={NODE_HEIGHT + 10}
      rx={12}
    />
  );
}
