/**
 * Helpers the explorer's tests share: a file spec in one line, random scenarios with duplicated
 * files, and the class bits of a witness read back from its trace replay (what `replay` would
 * say of it).
 */
import fc from 'fast-check';
import type { FileId, FileSpec, FileType, Variant } from '../engine';
import type { TraceDoc } from '../trace';
import { replayWithState } from '../trace';
import { endBits } from './runs';

/** A file of boot 0 with these dependencies and properties. */
export const f = (id: string, type: FileType, deps: string[] = [], extra: Partial<FileSpec> = {}) =>
  ({ id: id as FileId, type, deps: deps as FileId[], boot: 0, ...extra }) as FileSpec;

/** The class bits of a witness, from the trace replay of it. */
export function replayedBits(
  files: readonly FileSpec[],
  variant: Variant,
  steps: TraceDoc['steps'],
) {
  const doc: TraceDoc = { variant, switches: {}, files: [...files], steps };
  const { result, state } = replayWithState(doc);
  const rebootFailed = result.steps.some((s) => s.op === 'kexec' && s.result !== 'ok');
  const finishRefused = result.steps.some((s) => s.op === 'finish' && s.result !== 'ok');
  return endBits({ state, rebootFailed, finishRefused });
}

const TYPES: FileType[] = ['memfd', 'kvm-vm', 'guest_memfd', 'kvm-vcpu', 'generic', 'vfio-pci'];

/** Random scenarios: a few kinds of file, each repeated, deps on earlier kinds' first file. */
export const scenarios = (maxFiles: number) =>
  fc
    .array(
      fc.record({
        type: fc.constantFrom(...TYPES),
        copies: fc.integer({ min: 1, max: 3 }),
        dep: fc.nat(),
        flag: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((kinds) => {
      const files: FileSpec[] = [];
      kinds.forEach((k, n) => {
        const vm = files.find((x) => x.type === 'kvm-vm');
        const iommu = files.find((x) => x.type === 'iommufd');
        let type = k.type;
        let deps: string[] = [];
        if (type === 'guest_memfd' || type === 'kvm-vcpu') {
          if (vm) deps = [vm.id];
          else type = 'kvm-vm';
        }
        if (type === 'vfio-pci') {
          if (iommu) deps = [iommu.id];
          else type = 'iommufd';
          if (type === 'iommufd' && files[0]?.type === 'memfd') deps = [files[0].id];
          else if (type === 'iommufd') type = 'memfd';
        }
        if (type === 'generic' && files.length > 0 && k.flag)
          deps = [files[k.dep % files.length]!.id];
        const extra: Partial<FileSpec> =
          type === 'generic' && !k.flag && n > 0 ? { freezeError: 'EIO' } : {};
        if (type === 'kvm-vcpu' && k.flag) extra.running = true;
        for (let c = 0; c < k.copies && files.length < maxFiles; c++) {
          files.push(f(`k${n}_${c}`, type, deps, extra));
        }
      });
      return files;
    });
