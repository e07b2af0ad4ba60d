/** How each node state reads: a word and a short phrase (the icon is in NodeIcon). */
import type { FileView, NodeState } from '../engine';

export const STATE_TEXT: Record<NodeState, string> = {
  live: 'live, fd open',
  preserved: 'preserved',
  gone: 'gone',
  incoming: 'incoming',
  'kernel-retrieved': 'kernel-retrieved, no fd',
  retrieved: 'retrieved, fd open',
  finished: 'finished',
  discarded: 'discarded, data lost',
};

/** The node's status line, e.g. "preserved · vmm #2". */
export function statusLine(view: FileView): string {
  const where =
    view.session !== undefined && view.token !== undefined
      ? ` · ${view.session} #${view.token}`
      : '';
  const short = view.state === 'kernel-retrieved' ? 'kernel-retrieved' : view.state;
  return `${short}${where}${view.stuck ? ' · stuck' : ''}`;
}

/** What a screen reader says for a node. */
export function nodeLabel(id: string, type: string, view: FileView, note = ''): string {
  const where =
    view.session !== undefined && view.token !== undefined
      ? `, session ${view.session}, token ${view.token}`
      : '';
  const orphan = view.orphan ? ', ORPHAN' : '';
  return `${type} ${id}: ${STATE_TEXT[view.state]}${where}${orphan}${note ? ` (${note})` : ''}`;
}
