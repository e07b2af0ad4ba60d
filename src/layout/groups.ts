/**
 * Groups of interchangeable files in the graph (issue 14): the classes the explorer counts
 * (same type, properties, boot, dependencies and dependents) with GROUP_MIN or more members,
 * that depend on something, draw as one node, "64 × kvm-vcpu", unless expanded. The grouped graph is laid out like any
 * scenario: each group stands in for its members, with their (identical) edges.
 */
import type { FileId, FileSpec } from '../engine';
import { fileClasses } from '../explore/symmetry';
import type { GraphLayout } from './layout';
import { layoutScenario } from './layout';

/** Classes smaller than this draw file by file. */
export const GROUP_MIN = 4;
/**
 * Alike files with no edge (the kernel's 500-memfd stress test) group from this many: a grid
 * of hundreds of identical boxes reads no better than one node that counts them by state, and
 * it costs the page hundreds of milliseconds to draw.
 */
export const LOOSE_GROUP_MIN = 200;

/** A group node: its id (`group:` and its first member's id) and its members, in order. */
export interface FileGroup {
  id: string;
  type: string;
  members: readonly FileId[];
}

const groupsCache = new WeakMap<readonly FileSpec[], FileGroup[]>();

/** The groups of a scenario's files. */
export function fileGroups(files: readonly FileSpec[]): FileGroup[] {
  let out = groupsCache.get(files);
  if (!out) {
    out = fileClasses(files)
      // Files without any edge are already packed in a grid (layout.ts): only linked ones
      // group, and edgeless classes of LOOSE_GROUP_MIN or more.
      .members.filter(
        (m) => m.length >= (files[m[0]!]!.deps.length > 0 ? GROUP_MIN : LOOSE_GROUP_MIN),
      )
      .map((m) => ({
        id: `group:${files[m[0]!]!.id}`,
        type: files[m[0]!]!.type,
        members: m.map((i) => files[i]!.id),
      }));
    groupsCache.set(files, out);
  }
  return out;
}

const layoutCache = new WeakMap<readonly FileSpec[], Map<string, GraphLayout>>();

/**
 * The graph with every group not in `expanded` drawn as one node, wide layers wrapped into
 * rows of `columns` (cached per scenario).
 */
export function layoutGrouped(
  files: readonly FileSpec[],
  expanded: ReadonlySet<string>,
  columns = Infinity,
): GraphLayout {
  const collapsed = fileGroups(files).filter((g) => !expanded.has(g.id));
  if (collapsed.length === 0) return layoutScenario(files, columns);
  const key = `${columns} ${collapsed.map((g) => g.id).join(' ')}`;
  let byKey = layoutCache.get(files);
  if (!byKey) layoutCache.set(files, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const stand = new Map<string, string>();
  for (const g of collapsed) for (const m of g.members) stand.set(m, g.id);
  const shown: FileSpec[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const id = stand.get(f.id) ?? f.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const deps = [...new Set(f.deps.map((d) => stand.get(d) ?? d))] as FileId[];
    shown.push({ ...f, id: id as FileId, deps });
  }
  const out = layoutScenario(shown, columns);
  byKey.set(key, out);
  return out;
}
