/** The handler registry: the only place that maps a file type to its handler. */
import type { FileType } from '../types';
import type { FileHandler } from './handler';
import { generic } from './generic';
import { guestMemfd } from './guestMemfd';
import { iommufd } from './iommufd';
import { kvmVcpu } from './kvmVcpu';
import { kvmVm } from './kvmVm';
import { memfd } from './memfd';
import { vfioPci } from './vfioPci';

/** Registered handlers, in registration order. `pipe` has none: PRESERVE_FD gives ENOENT. */
export const HANDLERS: readonly FileHandler[] = [
  memfd,
  kvmVm,
  guestMemfd,
  kvmVcpu,
  iommufd,
  vfioPci,
  generic,
];

const BY_TYPE = new Map<FileType, FileHandler>(HANDLERS.map((h) => [h.type, h]));

/** The handler whose `can_preserve()` accepts a file of this type, if any. */
export function handlerFor(type: FileType): FileHandler | undefined {
  return BY_TYPE.get(type);
}
