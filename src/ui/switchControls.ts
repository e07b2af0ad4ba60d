/** Every switch as a form control: label, options, and value encoding. */
import type { Switches } from '../engine';

type Name = keyof Switches;

export interface SwitchControl {
  name: Name;
  label: string;
  /** Select options (value as text); absent for a checkbox. */
  options?: readonly string[];
  encode(value: Switches[Name]): string;
  decode(text: string): Switches[Name];
}

const text = (name: Name, label: string, options: readonly string[]): SwitchControl => ({
  name,
  label,
  options,
  encode: String,
  decode: (t) => t as Switches[Name],
});

const bool = (name: Name, label: string): SwitchControl => ({
  name,
  label,
  encode: String,
  decode: (t) => t === 'true',
});

export const SWITCH_CONTROLS: readonly SwitchControl[] = [
  text('depLookupPhase', "where a dependent looks up its dependency's token", [
    'preserve',
    'freeze',
  ]),
  text('incomingDepPolicy', 'how a dependent gets its dependency back after kexec', [
    'implicit',
    'strict',
  ]),
  text('strictErrno', 'errno of the strict order (variant B)', ['EAGAIN', 'ENOENT']),
  text('finishDepCheck', 'FINISH checks that userspace retrieved the dependencies', [
    'none',
    'canFinishUserRetrieved',
  ]),
  {
    name: 'stickyRetrieveErrors',
    label: 'retrieve errors remembered in retrieve_status',
    options: ['true', 'false', 'all', 'retryable'],
    encode: String,
    decode: (t) => (t === 'all' || t === 'retryable' ? t : t === 'true'),
  },
  {
    name: 'fileLimit',
    label: 'files per session (LUO_FILE_MAX)',
    options: ['unlimited', '128'],
    encode: String,
    decode: (t) => (t === 'unlimited' ? 'unlimited' : Number(t)),
  },
  bool('doublePreserveCheck', 'refuse preserving the same file twice (EBUSY)'),
  bool('sessionDirectionCheck', 'refuse ioctls of the wrong direction (EINVAL)'),
  bool('vfioFinishRequiresBind', 'vfio can_finish also needs the device bound'),
  text('memfdSeals', 'a retrieved memfd keeps its seals (memfd-v2)', ['reset', 'preserved']),
  text('iommufdRevision', 'iommufd revision', ['memfd-deps', 'hwpt']),
  bool('retrievedFilesBusy', 'a retrieved file is busy until FINISH (EBUSY)'),
  bool('sessionFreeze', 'LIVEUPDATE_SESSION_FREEZE exists'),
  text('khoFinalize', 'KHO finalize at reboot', ['ok', 'fails']),
];
