/**
 * A generic test handler: any dependencies (cycles allowed), treated like guest_memfd treats
 * its VM; a configurable `.freeze()` errno and `.can_finish()` answer. It is how a user sees
 * Pasha's argument that a dependency cycle has no valid order.
 */
import { isErrno } from '../errno';
import type { FileHandler } from './handler';
import { OK, fail } from './handler';
import { danglingDeps, depsCanFinish, freezeDeps, preserveDeps, retrieveDeps } from './dependent';

export const generic: FileHandler = {
  type: 'generic',
  compatible: 'luoscope-generic-v1',
  source: 'a test handler (as in the liveupdate selftests)',
  summary: 'a test file with any dependencies, a settable freeze errno and can_finish',
  deps: { types: 'any', min: 0, max: Infinity, text: 'any files' },
  props: [
    {
      name: 'freezeError',
      kind: 'errno-or-null',
      default: null,
      label: 'errno its .freeze() returns',
      userspace: false,
    },
    {
      name: 'canFinish',
      kind: 'boolean',
      default: true,
      label: 'what its .can_finish() answers',
      userspace: false,
    },
  ],
  holdsContents: false,
  preserve: preserveDeps,
  unpreserve: () => OK,
  freeze: (ctx) => {
    const errno = ctx.props.freezeError;
    if (isErrno(errno)) return fail(errno, `generic.freeze: configured to fail -> -${errno}`);
    return freezeDeps(ctx);
  },
  unfreeze: () => OK,
  retrieve: retrieveDeps,
  canFinish: (ctx) => {
    if (!ctx.props.canFinish)
      return fail('EBUSY', 'generic.can_finish: configured to answer false');
    return depsCanFinish(ctx) ?? OK;
  },
  finish: () => OK,
  danglingDeps,
  dependencyGuard: depsCanFinish,
};
