/** Every key the page answers to, by where it works: the shortcut sheet shows this table. */
import { PRESENTER_KEYS } from '../present/presenterKeys';

export interface KeyGroup {
  title: string;
  keys: readonly (readonly [keys: string, what: string])[];
}

export const SHORTCUTS: readonly KeyGroup[] = [
  {
    title: 'Anywhere',
    keys: [
      ['?', 'this list of keys'],
      ['Ctrl+Z', 'undo the last step (not inside a text field)'],
      ['Ctrl+Shift+Z  or  Ctrl+Y', 'redo'],
      ['Tab / Shift+Tab', 'the next / previous control'],
      ['Escape', 'close a menu or a dialog; leave the guided tour'],
    ],
  },
  {
    title: 'Graph',
    keys: [
      ['Enter  or  Space', "the focused file's action: preserve before kexec, retrieve after"],
      ['wheel / drag', 'zoom / pan (or the +, − and Fit buttons)'],
    ],
  },
  {
    title: 'View tabs',
    keys: [
      ['← / →', 'the previous / next view'],
      ['Home / End', 'the first / last view'],
    ],
  },
  {
    title: 'History step list and slider',
    keys: [
      ['↑ ← / ↓ →', 'one step back / on'],
      ['Home / End', 'the start / the last step'],
    ],
  },
  {
    title: 'Timeline (tab, strip and compare)',
    keys: [
      ['← ↑ / → ↓', 'one step back / on'],
      ['Page Up / Page Down', 'ten steps back / on'],
      ['Home / End', 'the start / the last step'],
    ],
  },
  { title: 'Presenter mode (?present)', keys: PRESENTER_KEYS },
];
