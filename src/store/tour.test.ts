/** The tour in the store: a step opens its work, an act step is what a click does, leaving restores. */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios';
import { TOUR } from '../tour/steps';
import { createAppStore } from './createAppStore';
import { primaryAction } from './intents';
import { tourWork } from './tourWork';

describe('tour steps in the store', () => {
  it.each(TOUR.map((s, i) => [i + 1, s.id, s] as const))(
    'step %i (%s) opens at the end of its history with every result as written',
    (_n, _id, step) => {
      const store = createAppStore();
      store.getState().loadTourStep(0, tourWork(step), 'x');
      const s = store.getState();
      expect(s.variant).toBe(step.variant);
      expect(s.position).toBe(step.history.length);
      expect(s.current.log.map((e) => e.result.result)).toEqual(step.history.map((h) => h.expect));
      if (step.task.kind === 'act') {
        // "Click it" means exactly the answer's steps.
        const intent = primaryAction(s.current.state, step.task.target);
        expect(intent.kind === 'none' ? [] : intent.steps).toEqual(step.answer.steps);
      }
    },
  );

  it('leaving the tour brings back the work that was open before it', () => {
    const store = createAppStore({ scenario: findScenario('vm-full')!, variant: 'C' });
    store.getState().activate(store.getState().scenario.files[0]!.id);
    const before = store.getState().actions;
    store.getState().openTour(2);
    expect(store.getState().tour.index).toBe(2);
    store.getState().loadTourStep(2, tourWork(TOUR[2]!), 'Step 3');
    store.getState().loadTourStep(3, tourWork(TOUR[3]!), 'Step 4');
    expect(store.getState().scenario.id).toBe('seed');
    expect(store.getState().tour).toMatchObject({ index: 3, loaded: 3, last: 3 });
    store.getState().leaveTour();
    const s = store.getState();
    expect(s.scenario.id).toBe('vm-full');
    expect(s.variant).toBe('C');
    expect(s.actions).toBe(before);
    expect(s.tour).toEqual({ index: null, loaded: null, last: 3, before: null });
    expect(s.announcement.text).toMatch(/^Left the tour at step 4\./);
  });

  it('finishing the tour forgets the resume point', () => {
    const store = createAppStore();
    store.getState().loadTourStep(8, tourWork(TOUR[8]!), 'last');
    store.getState().leaveTour({ finished: true });
    expect(store.getState().tour.last).toBeNull();
  });
});
