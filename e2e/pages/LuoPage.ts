/** The page object: scenario by URL, nodes, session controls, the log and the outcome. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

// The node states are the engine's (src/engine/view.ts): one list, so the two cannot drift.
export type { NodeState } from '../../src/engine/view';
import type { NodeState } from '../../src/engine/view';

/** What the log must show after an action: one entry per step it took. */
export type Expected = readonly (readonly [op: string, result: string])[];

export class LuoPage {
  readonly log: Locator;
  readonly outcome: Locator;
  readonly boot: Locator;
  readonly variant: Locator;
  readonly announcer: Locator;

  constructor(readonly page: Page) {
    this.log = page.getByTestId('log-entry');
    this.outcome = page.getByTestId('outcome');
    this.boot = page.getByTestId('boot');
    this.variant = page.getByTestId('variant');
    this.announcer = page.getByTestId('announcer');
  }

  /** Opens a scenario under a variant and waits for the graph to be drawn. */
  async open(scenario = 'seed', variant = 'A'): Promise<void> {
    await this.page.goto(`./?scenario=${scenario}&variant=${variant}`);
    await expect(this.page.locator('[data-testid^="node-"]').first()).toHaveAttribute(
      'data-state',
      /.+/,
    );
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  async expectState(id: string, state: NodeState, orphan = false): Promise<void> {
    await expect(this.node(id)).toHaveAttribute('data-state', state);
    await expect(this.node(id)).toHaveAttribute('data-orphan', String(orphan));
  }

  /** Runs `act` and waits until the log has grown by the expected entries. */
  async expectLog(act: () => Promise<void>, expected: Expected): Promise<void> {
    const before = await this.log.count();
    await act();
    await expect(this.log).toHaveCount(before + expected.length);
    for (const [i, [op, result]] of expected.entries()) {
      const entry = this.log.nth(before + i);
      await expect(entry).toHaveAttribute('data-op', op);
      await expect(entry).toHaveAttribute('data-result', result);
    }
  }

  async click(id: string, expected: Expected): Promise<void> {
    await this.expectLog(() => this.node(id).click(), expected);
  }

  /**
   * The thread's example on the seed scenario (README "Try the thread's example"): preserve vm
   * then gmem, kexec, retrieve gmem alone, FINISH.
   */
  async threadExample(): Promise<void> {
    await this.preserveFirst('vm');
    await this.click('gmem', [['preserve', 'ok']]);
    await this.kexec();
    await this.click('gmem', [
      ['retrieveSession', 'ok'],
      ['retrieve', 'ok'],
    ]);
    await this.finish();
  }

  /** The first click of a run: creates session vmm, then preserves. */
  async preserveFirst(id: string): Promise<void> {
    await this.click(id, [
      ['createSession', 'ok'],
      ['preserve', 'ok'],
    ]);
  }

  async button(testid: string, op: string, result = 'ok'): Promise<void> {
    await this.expectLog(() => this.page.getByTestId(testid).click(), [[op, result]]);
  }

  kexec(result = 'ok') {
    return this.button('action-kexec', 'kexec', result);
  }

  finish(result = 'ok') {
    return this.button('action-finish', 'finish', result);
  }

  /** Selects a node without acting on it (the click has no primary action). */
  async select(id: string): Promise<void> {
    await this.node(id).click();
    await expect(this.node(id)).toHaveAttribute('aria-current', 'true');
  }

  /** Sets a boolean property of the selected file in the side panel (a `set` step). */
  async setProp(prop: string, value: boolean, result = 'ok'): Promise<void> {
    const box = this.page.getByTestId(`prop-${prop}`);
    await this.expectLog(() => box.setChecked(value), [['set', result]]);
  }

  async pickVariant(v: string): Promise<void> {
    await this.variant.selectOption(v);
    await expect(this.variant).toHaveValue(v);
  }

  async expectOrphans(n: number): Promise<void> {
    await expect(this.outcome).toHaveAttribute('data-orphans', String(n));
  }
}
