/** One line per step, as the log and the screen reader say it. */
import type { Step, StepResult } from '../engine';

export function describeStep(s: Step): string {
  switch (s.op) {
    case 'createSession':
      return `createSession "${s.name}" as ${s.as}`;
    case 'retrieveSession':
      return `retrieveSession "${s.name}" as ${s.as}`;
    case 'preserve':
      return `preserve ${s.file} into ${s.session} as token ${s.token}`;
    case 'retrieve':
      return `retrieve token ${s.token} from ${s.session}`;
    case 'finish':
      return `finish ${s.session}`;
    case 'closeSession':
      return `close ${s.session}`;
    case 'kexec':
      return 'kexec';
    case 'set':
      return `set ${s.file}.${s.prop} = ${JSON.stringify(s.value)}`;
    case 'freezeSession':
      return `freeze session ${s.session}`;
    case 'getSessionName':
      return `get the name of ${s.session}`;
    case 'openDevice':
      return 'open /dev/liveupdate';
    case 'closeDevice':
      return 'close /dev/liveupdate';
  }
}

/** "preserve vm into vmm@0 as token 1: ok. <reason>" */
export function describeResult(s: Step, r: StepResult): string {
  const result =
    r.result === 'ok'
      ? 'ok'
      : r.result === 'hang' || r.result === 'not reached'
        ? r.result
        : `refused, ${r.result}`;
  return `${describeStep(s)}: ${result}. ${r.reason}`;
}
