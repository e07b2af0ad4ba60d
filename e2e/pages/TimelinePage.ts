/** The timeline (tab and strip): columns, glyphs, marks, the slider and the table. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class TimelinePage {
  readonly view: Locator;
  readonly chart: Locator;
  readonly strip: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('timeline-view');
    this.chart = this.view.getByTestId('timeline');
    this.strip = page.getByTestId('timeline-strip');
    this.table = page.getByTestId('timeline-table');
  }

  /** Opens the Timeline tab. */
  async show(): Promise<void> {
    await this.page.getByTestId('tab-timeline').click();
    await expect(this.chart).toBeVisible();
  }

  /** The column of the first step with this op (in `root`, the tab's chart by default). */
  column(op: string, root: Locator = this.chart): Locator {
    return root.locator(`[data-testid="timeline-column"][data-op="${op}"]`).first();
  }

  /** The step number of a column. */
  async stepOf(column: Locator): Promise<number> {
    return Number(await column.getAttribute('data-step'));
  }

  mark(kind: string, file: string, root: Locator = this.chart): Locator {
    return root.locator(`[data-testid="timeline-mark"][data-kind="${kind}"][data-row="f:${file}"]`);
  }

  glyph(file: string, step: number, root: Locator = this.chart): Locator {
    return root.locator(
      `[data-testid="timeline-glyph"][data-row="f:${file}"][data-step="${step}"]`,
    );
  }

  async expectAt(position: number, root: Locator = this.chart): Promise<void> {
    await expect(root).toHaveAttribute('aria-valuenow', String(position));
  }
}
