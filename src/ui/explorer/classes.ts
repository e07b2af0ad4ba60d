/** What each class of runs means, in a line (issue 5 "Explorer"). */
import type { RunClass } from '../../explore';

export const CLASS_INFO: Record<RunClass, string> = {
  clean: 'none of the problems below',
  rebootFailed: 'kexec failed (a freeze was refused) and LUO rolled back',
  orphanSilent: 'a file reached userspace without its dependency, and the kernel said nothing',
  orphanDetected: 'a file was orphaned, and the kernel refused or warned (session stuck)',
  dataLoss: 'preserved contents were discarded (never retrieved)',
  finishRefused: 'FINISH returned an error; the session was then closed',
  hang: 'a step never returned (the run hung)',
  deviceReset: 'a rolled-back freeze reset a device',
};
