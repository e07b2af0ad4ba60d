/** Presenter mode (`?present`) and embed mode (`?embed=`): opened by address, driven by keys. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class PresenterPage {
  readonly root: Locator;
  readonly step: Locator;
  readonly variant: Locator;
  readonly play: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('presenter');
    this.step = page.getByTestId('presenter-step');
    this.variant = page.getByTestId('presenter-variant');
    this.play = page.getByTestId('presenter-play');
  }

  async expectStep(position: number, steps?: number): Promise<void> {
    await expect(this.step).toHaveAttribute('data-position', String(position));
    if (steps !== undefined) await expect(this.step).toHaveAttribute('data-steps', String(steps));
  }

  /** Presses a key with the focus on the page itself (not on a control). */
  async key(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }
}
