import { memo } from 'react';
import type { EdgeLayout } from '../layout';

/** An arrow from a file to a file it depends on; a cycle's back edge is a dashed arc. */
export const GraphEdge = memo(function GraphEdge({ edge }: { edge: EdgeLayout }) {
  return (
    <path
      className={edge.back ? 'edge back' : 'edge'}
      d={edge.d}
      markerEnd="url(#arrow)"
      data-edge={edge.id}
    />
  );
});
