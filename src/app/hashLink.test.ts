import { describe, expect, it } from 'vitest';
import type { FileId } from '../engine';
import { createAppStore, currentTrace } from '../store';
import { encodeLink } from '../trace';
import { decodeWork, encodeWork } from './autosave';
import type { Restored } from './autosave';
import { addressFor, chooseStart } from './hashLink';

const id = (s: string) => s as FileId;

/** Saved work: seed under B, three actions, at step 2. */
function savedWork(): Restored {
  const store = createAppStore({ variant: 'B' });
  store.getState().activate(id('vm'));
  store.getState().activate(id('gmem'));
  store.getState().undo();
  return decodeWork(encodeWork(store.getState()));
}

/** A link to vm-full under D with one action. */
function link(): string {
  const store = createAppStore({ variant: 'D' });
  store.getState().activate(id('gmem'));
  return `#trace=${encodeLink(currentTrace(store.getState()))}`;
}

describe('chooseStart', () => {
  it('opens a link at its last step, over the saved work', () => {
    const start = chooseStart('?scenario=cycle', link(), savedWork());
    expect(start.source).toBe('link');
    expect(start.options).toMatchObject({ variant: 'D', position: 2, notice: null });
    expect(start.options.scenario?.id).toBe('seed');
  });

  it('refuses a bad link with its message and opens the saved work', () => {
    const start = chooseStart('', '#trace=2.abc', savedWork());
    expect(start.source).toBe('saved');
    expect(start.options).toMatchObject({ variant: 'B', position: 2 });
    expect(start.options.actions).toHaveLength(3);
    expect(start.options.notice).toBe(
      'This share link cannot be opened: made by a newer luoscope: link version 2 ' +
        '(this luoscope reads version 1). The work that was open stays open.',
    );
  });

  it('restores the saved work when the query agrees with it or is absent', () => {
    expect(chooseStart('?scenario=seed&variant=B', '', savedWork()).source).toBe('saved');
    expect(chooseStart('', '#other', savedWork()).source).toBe('saved');
  });

  it('opens the address when it names another scenario or variant', () => {
    const start = chooseStart('?scenario=cycle&variant=B', '', savedWork());
    expect(start.source).toBe('address');
    expect(start.options.scenario?.id).toBe('cycle');
    expect(start.options.actions).toBeUndefined();
    expect(chooseStart('?variant=C', '', savedWork()).options.variant).toBe('C');
  });

  it('starts afresh with a notice when the saved work is unreadable', () => {
    const start = chooseStart('?variant=D', '', { ok: false, error: 'it is not JSON' });
    expect(start.source).toBe('address');
    expect(start.options.variant).toBe('D');
    expect(start.options.notice).toBe(
      'The saved work could not be restored (it is not JSON); started afresh.',
    );
  });

  it('joins every notice: a bad link, bad saved work, an unknown scenario', () => {
    const start = chooseStart('?scenario=nope', '#trace=', { ok: false, error: 'x' });
    expect(start.options.notice).toMatch(
      /^This share link cannot be opened: link is empty: no trace in it\. .* \(x\); started afresh\. Unknown scenario "nope"/,
    );
  });
});

describe('addressFor', () => {
  const at = (search: string, hash = '') => ({ pathname: '/luo/', search, hash });

  it('names the scenario and variant and drops a share link', () => {
    expect(addressFor(at('', '#trace=1.abc'), 'vm-full', 'D')).toBe(
      '/luo/?scenario=vm-full&variant=D',
    );
    expect(addressFor(at('?x=1', '#note'), 'seed', 'A')).toBe(
      '/luo/?x=1&scenario=seed&variant=A#note',
    );
  });

  it('leaves out a scenario that came from a trace (no id the page could open)', () => {
    expect(addressFor(at('?scenario=seed&variant=A'), 'trace', 'B')).toBe('/luo/?variant=B');
  });
});
