/** The page object of issue 11: importing a kernel run and reading it beside the variants. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class KernelRunPage {
  readonly dialog: Locator;
  readonly text: Locator;
  readonly error: Locator;
  readonly head: Locator;
  readonly first: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('import-run-dialog');
    this.text = page.getByTestId('import-run-text');
    this.error = page.getByTestId('import-run-error');
    this.head = page.getByTestId('compare-kernel-head');
    this.first = page.getByTestId('compare-kernel-first');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('import-run').click();
    await expect(this.dialog).toBeVisible();
  }

  /** Pastes the output and imports it. */
  async paste(text: string): Promise<void> {
    await this.open();
    await this.text.fill(text);
    await this.page.getByTestId('import-run-paste').click();
  }

  /** Picks files (one per stage, say) in the dialog. */
  async pickFiles(files: { name: string; text: string }[]): Promise<void> {
    await this.open();
    await this.page
      .getByTestId('import-run-files')
      .setInputFiles(
        files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })),
      );
  }

  /** Drops files on the dialog, as a drag from the desktop does. */
  async dropFiles(files: { name: string; text: string }[]): Promise<void> {
    await this.open();
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      return dt;
    }, files);
    await this.dialog.dispatchEvent('dragenter', { dataTransfer: transfer });
    await expect(this.dialog).toHaveAttribute('data-over', 'true');
    await this.dialog.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** The kernel's cell at step `step` (1-based) of the compare log. */
  cell(step: number): Locator {
    return this.page.locator(
      `[data-testid="compare-row"][data-step="${step}"] [data-testid="compare-cell-kernel"]`,
    );
  }
}
