/** The explorer and compare views: tabs, the explorer's controls and table, the compare grid. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export type View = 'graph' | 'compare' | 'explore' | 'timeline';

export class ExplorerPage {
  readonly root: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly progress: Locator;
  readonly status: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('explorer');
    this.runButton = page.getByTestId('explore-run');
    this.cancelButton = page.getByTestId('explore-cancel');
    this.progress = page.getByTestId('explore-progress');
    this.status = page.getByTestId('explore-status');
    this.table = page.getByTestId('explore-table');
  }

  /** Selects a view by its tab and waits for its panel. */
  async show(view: View): Promise<void> {
    await this.page.getByTestId(`tab-${view}`).click();
    await expect(this.page.getByTestId(`tab-${view}`)).toHaveAttribute('aria-selected', 'true');
    const panel = {
      graph: 'graph',
      compare: 'compare-view',
      explore: 'explorer',
      timeline: 'timeline-view',
    }[view];
    await expect(this.page.getByTestId(panel)).toBeVisible();
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-status', status);
  }

  /** Runs the explorer on the chosen variants and waits until it is done. */
  async run(): Promise<void> {
    await this.runButton.click();
    await this.expectStatus('done');
    await expect(this.table).toBeVisible();
  }

  count(variant: string, cls: string): Locator {
    return this.page.getByTestId(`explore-count-${variant}-${cls}`);
  }

  witness(variant: string, cls: string): Locator {
    return this.page.getByTestId(`load-witness-${variant}-${cls}`);
  }

  // The compare view.

  column(variant: string): Locator {
    return this.page.getByTestId(`compare-variant-${variant}`);
  }

  get rows(): Locator {
    return this.page.getByTestId('compare-row');
  }

  get firstDifference(): Locator {
    return this.page.getByTestId('compare-first-difference');
  }

  /** The result cell of a 1-based step under a variant. */
  cell(step: number, variant: string): Locator {
    return this.page
      .locator(`[data-testid="compare-row"][data-step="${step}"]`)
      .getByTestId(`compare-cell-${variant}`);
  }

  async compareOnly(...variants: string[]): Promise<void> {
    // Check the wanted ones first: at least two columns stay at every moment.
    for (const v of variants) await this.page.getByTestId(`compare-toggle-${v}`).check();
    const others = await this.page
      .locator('[data-testid^="compare-toggle-"]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')!.slice('compare-toggle-'.length)),
      );
    for (const v of others.filter((x) => !variants.includes(x))) {
      await this.page.getByTestId(`compare-toggle-${v}`).uncheck();
    }
    for (const v of variants) await expect(this.column(v)).toBeVisible();
    await expect(this.page.locator('[data-testid^="compare-variant-"]')).toHaveCount(
      variants.length,
    );
  }
}
