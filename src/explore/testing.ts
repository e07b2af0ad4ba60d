/**
 * Helpers the explorer's tests share: a file spec in one line, and the class bits of a witness
 * read back from its trace replay (what `replay` would say of it).
 */
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
