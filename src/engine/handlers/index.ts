/**
 * The handler registry: the only place that maps a file type to its handler. Which revision of
 * a type runs is the module's choice from the switches (a tree's defaults) and the corrections;
 * whether a type has a handler at all is the tree's (`handlers`).
 */
import type { CorrectionId } from '../corrections';
import type { Switches } from '../switches';
import type { FileType } from '../types';
import type { FileHandler, HandlerModule } from './handler';
import { single } from './handler';
import { generic } from './generic';
import { guestMemfd, guestMemfdModule } from './guestMemfd';
import { iommufd, iommufdModule } from './iommufd';
import { kvmVcpu, kvmVcpuModule } from './kvmVcpu';
import { kvmVm } from './kvmVm';
import { memfd, memfdModule } from './memfd';
import { vfioPci, vfioPciModule } from './vfioPci';

/**
 * One handler per type with a handler, in registration order: the type information (deps,
 * properties) the trace format and the UI read. `pipe` has none: PRESERVE_FD gives ENOENT.
 */
export const HANDLERS: readonly FileHandler[] = [
  memfd,
  kvmVm,
  guestMemfd,
  kvmVcpu,
  iommufd,
  vfioPci,
  generic,
];

/** Every handler module, by type. */
export const HANDLER_MODULES: readonly HandlerModule[] = [
  memfdModule,
  single(kvmVm),
  guestMemfdModule,
  kvmVcpuModule,
  iommufdModule,
  vfioPciModule,
  single(generic),
];

const BY_TYPE = new Map<FileType, FileHandler>(HANDLERS.map((h) => [h.type, h]));
const MODULES = new Map<FileType, HandlerModule>(HANDLER_MODULES.map((m) => [m.type, m]));

/** The type information of a file type (deps, properties), if any handler exists for it. */
export function handlerFor(type: FileType): FileHandler | undefined {
  return BY_TYPE.get(type);
}

/** The handler revision that runs for a type in a tree with these switches, if any. */
export function activeHandler(
  handlers: readonly FileType[],
  switches: Switches,
  corrected: (id: CorrectionId) => boolean,
  type: FileType,
): FileHandler | undefined {
  if (!handlers.includes(type)) return undefined;
  return MODULES.get(type)?.select(switches, corrected);
}
