/** The page object of the guided tour and the scenario editor (issue 6). */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class TourPage {
  readonly panel: Locator;
  readonly progress: Locator;
  readonly result: Locator;
  readonly editor: Locator;
  readonly editorStatus: Locator;
  readonly editorFiles: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('tour');
    this.progress = page.getByTestId('tour-progress');
    this.result = page.getByTestId('tour-result');
    this.editor = page.getByTestId('editor');
    this.editorStatus = page.getByTestId('editor-status');
    this.editorFiles = page.getByTestId('editor-file');
  }

  /** Opens step n (from 1) by its address and waits until it is loaded. */
  async openStep(n: number): Promise<void> {
    await this.page.goto(`./?tour=${n}`);
    await this.expectStep(n);
  }

  async expectStep(n: number, total?: number): Promise<void> {
    await expect(this.progress).toHaveAttribute('data-step', String(n));
    if (total !== undefined)
      await expect(this.progress).toHaveAttribute('data-steps', String(total));
    await expect(this.page).toHaveURL(new RegExp(`[?&]tour=${n}(&|$)`));
  }

  /** Presses Tab until `target` has the focus: the keyboard is the only way in. */
  async tabTo(target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press(key);
    }
    throw new Error(`could not ${key} to ${target.toString()}`);
  }

  /**
   * Picks a prediction with the keyboard: back into the radio group (it sits before the
   * buttons), then the arrow keys to the choice.
   */
  async chooseByKeyboard(choiceId: string): Promise<void> {
    const choice = this.page.getByTestId(`tour-choice-${choiceId}`);
    const inGroup = () =>
      this.page.evaluate(() => document.activeElement?.closest('[data-testid="tour-choices"]'));
    for (let i = 0; i < 20 && !(await inGroup()); i++) await this.page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 8 && !(await choice.evaluate((el) => el === document.activeElement)); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    if (!(await choice.isChecked())) await this.page.keyboard.press(' ');
    await expect(choice).toBeChecked();
  }

  /** The editor's row of a file, by its id. */
  file(id: string): Locator {
    return this.page.locator(`[data-testid="editor-file"][data-id="${id}"]`);
  }

  async openEditor(): Promise<void> {
    await this.page.getByTestId('editor-toggle').click();
    await expect(this.editor).toBeVisible();
  }

  /** Adds a file of a type and waits for its node in the graph. */
  async addFile(type: string, id: string): Promise<void> {
    await this.page.getByTestId('editor-add-type').selectOption(type);
    await this.page.getByTestId('editor-add').click();
    await expect(this.file(id)).toBeVisible();
    await expect(this.page.getByTestId(`node-${id}`)).toHaveAttribute('data-state', 'live');
  }

  async expectFiles(ids: readonly string[]): Promise<void> {
    await expect(this.editorFiles).toHaveCount(ids.length);
    for (const [i, id] of ids.entries()) {
      await expect(this.editorFiles.nth(i)).toHaveAttribute('data-id', id);
    }
  }
}
