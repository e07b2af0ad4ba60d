/**
 * Dependency cycles (allowed among `generic` files): the edges a depth-first search finds
 * closing a cycle. Leaving them out of the layering makes the rest a DAG; they are drawn as arcs.
 */
export function backEdges(
  ids: readonly string[],
  links: readonly { from: string; to: string }[],
): Set<string> {
  // Walk from dependencies to dependents, the direction of the layering.
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const l of links) next.get(l.to)?.push(l.from);
  const out = new Set<string>();
  const done = new Set<string>();
  const onStack = new Set<string>();
  for (const root of ids) {
    if (done.has(root)) continue;
    // Iterative DFS: a long chain of generic files must not overflow the stack.
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    onStack.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const children = next.get(top.id) ?? [];
      if (top.i < children.length) {
        const child = children[top.i++]!;
        if (onStack.has(child)) out.add(`${child}->${top.id}`);
        else if (!done.has(child)) {
          onStack.add(child);
          stack.push({ id: child, i: 0 });
        }
      } else {
        stack.pop();
        onStack.delete(top.id);
        done.add(top.id);
      }
    }
  }
  return out;
}
