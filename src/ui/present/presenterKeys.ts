/** The presenter's keys, as data: the shortcut sheet lists the same table. */
export const PRESENTER_KEYS: readonly (readonly [keys: string, what: string])[] = [
  ['→  or  Space', 'next step'],
  ['←', 'previous step'],
  ['Home / End', 'the start / the last step'],
  ['p', 'play or pause (steps on its own at the speed chosen)'],
  ['v', 'next kernel variant (the same steps replayed)'],
  ['t', 'show the timeline or the graph'],
  ['f', 'full screen on or off'],
  ['?', 'this list of keys'],
  ['Escape', 'leave presenter mode'],
];

/** Keys go to a field, not to the presenter, while one has the focus. */
export function inField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLSelectElement ||
      target instanceof HTMLTextAreaElement ||
      target.closest('dialog') !== null)
  );
}
