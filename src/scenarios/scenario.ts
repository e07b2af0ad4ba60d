/** A preset scenario: the files a VMM holds, with a title and a description for a person. */
import type { FileId, FileProps, FileSpec, FileType } from '../engine';

export interface Scenario {
  id: string;
  title: string;
  /** What to try, in a sentence or two. */
  description: string;
  files: readonly FileSpec[];
}

/** A file of boot 0 (ids in presets are literals, so the brand cast is safe here). */
export function file(
  id: string,
  type: FileType,
  deps: readonly string[] = [],
  props: FileProps = {},
): FileSpec {
  return { id: id as FileId, type, deps: deps as readonly FileId[], boot: 0, ...props };
}
