import { describe, expect, it } from 'vitest';
import type { FileId, FileSpec, FileType } from '../engine';
import { GROUP_MIN, LOOSE_GROUP_MIN, fileGroups, layoutGrouped } from './groups';
import { layoutScenario } from './layout';

const f = (id: string, type: FileType, deps: string[] = []) =>
  ({ id: id as FileId, type, deps: deps as FileId[], boot: 0 }) as FileSpec;
const vm = (n: number) => [
  f('vm', 'kvm-vm'),
  f('gmem', 'guest_memfd', ['vm']),
  ...Array.from({ length: n }, (_, i) => f(`vcpu${i}`, 'kvm-vcpu', ['vm'])),
];

describe('groups of interchangeable files in the graph', () => {
  it('64 vCPUs of one VM are one group; the VM and its guest_memfd are not', () => {
    const files = vm(64);
    const groups = fileGroups(files);
    expect(groups.map((g) => [g.id, g.type, g.members.length])).toEqual([
      ['group:vcpu0', 'kvm-vcpu', 64],
    ]);
    const layout = layoutGrouped(files, new Set());
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['gmem', 'group:vcpu0', 'vm']);
    expect(layout.edges.map((e) => e.id).sort()).toEqual(['gmem->vm', 'group:vcpu0->vm']);
    // Expanded, it is the scenario's own layout.
    expect(layoutGrouped(files, new Set(['group:vcpu0']))).toBe(layoutScenario(files));
    expect(layoutGrouped(files, new Set())).toBe(layout);
  });

  it(`classes under ${GROUP_MIN} files draw file by file`, () => {
    const files = vm(GROUP_MIN - 1);
    expect(fileGroups(files)).toEqual([]);
    expect(layoutGrouped(files, new Set())).toBe(layoutScenario(files));
  });

  it('the vCPUs of two VMs are two groups, and edges to a group collapse to one', () => {
    const files = [
      ...vm(5),
      f('vm2', 'kvm-vm'),
      ...Array.from({ length: 5 }, (_, i) => f(`c${i}`, 'kvm-vcpu', ['vm2'])),
      ...Array.from({ length: 4 }, (_, i) => f(`m${i}`, 'memfd')),
    ];
    // The memfds have no edge: they stay in the grid of loose files, one by one.
    expect(fileGroups(files).map((g) => g.id)).toEqual(['group:vcpu0', 'group:c0']);
    expect(layoutGrouped(files, new Set()).nodes).toHaveLength(9);
  });

  it(`edgeless alike files group from ${LOOSE_GROUP_MIN} (the 500-memfd stress test)`, () => {
    const memfds = (n: number) => Array.from({ length: n }, (_, i) => f(`mem${i}`, 'memfd'));
    expect(fileGroups(memfds(LOOSE_GROUP_MIN - 1))).toEqual([]);
    const files = [f('vm', 'kvm-vm'), ...memfds(500)];
    expect(fileGroups(files).map((g) => [g.id, g.members.length])).toEqual([['group:mem0', 500]]);
    expect(
      layoutGrouped(files, new Set())
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['group:mem0', 'vm']);
  });
});
