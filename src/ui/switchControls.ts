/** The switches of SEMANTICS §4.1 as form controls: label, options, and value encoding. */
import type { SWITCH_NAMES } from '../engine';
import type { Switches } from '../engine';

type Name = (typeof SWITCH_NAMES)[number];

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
    options: ['true', 'false', 'all'],
    encode: String,
    decode: (t) => (t === 'all' ? 'all' : t === 'true'),
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
];
