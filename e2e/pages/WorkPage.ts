/** The page object of issue 4: history, share link, autosave, import and the exports. */
import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openMenu } from './menus';

/** The localStorage key the autosave writes (src/app/autosave.ts). */
export const AUTOSAVE_KEY = 'luoscope/autosave';

export class WorkPage {
  readonly position: Locator;
  readonly steps: Locator;
  readonly slider: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly notice: Locator;
  readonly shareUrl: Locator;
  readonly mailText: Locator;

  constructor(readonly page: Page) {
    this.position = page.getByTestId('history-position');
    this.steps = page.getByTestId('history-step');
    this.slider = page.getByTestId('history-slider');
    this.undoButton = page.getByTestId('history-undo');
    this.redoButton = page.getByTestId('history-redo');
    this.notice = page.getByTestId('notice');
    this.shareUrl = page.getByTestId('share-url');
    this.mailText = page.getByTestId('export-text-body');
  }

  /** Waits until the history shows step `at` of `of`. */
  async expectAt(at: number, of?: number): Promise<void> {
    await expect(this.position).toHaveAttribute('data-position', String(at));
    if (of !== undefined) await expect(this.position).toHaveAttribute('data-steps', String(of));
  }

  /** Clicks the step list's entry that shows the state after `position` actions. */
  async jump(position: number): Promise<void> {
    await this.page.locator(`[data-testid="history-step"][data-position="${position}"]`).click();
    await this.expectAt(position);
  }

  /** Loads the page from a share link (`#trace=<payload>`): the start-up path. */
  async openLink(payload: string): Promise<void> {
    await this.page.goto(`./#trace=${encodeURIComponent(payload)}`);
  }

  /** Pastes a share link into the address of the open page: only the fragment changes. */
  async pasteLink(payload: string): Promise<void> {
    await this.page.evaluate((p) => (location.hash = `trace=${encodeURIComponent(p)}`), payload);
  }

  /** Waits for the address to lose its share link once the page has read it. */
  async expectNoLinkInAddress(): Promise<void> {
    await expect(this.page).not.toHaveURL(/#trace=/);
  }

  /** Clicks "Copy share link" and returns the link shown. */
  async share(): Promise<string> {
    await this.openShareMenu();
    await this.page.getByTestId('share-link').click();
    await expect(this.shareUrl).toHaveValue(/#trace=1\./);
    return this.shareUrl.inputValue();
  }

  /** Opens "Share and files", the toolbar menu that holds the share bar. */
  openShareMenu(): Promise<void> {
    return openMenu(this.page, 'share-menu');
  }

  /** The saved work as stored (null when none). */
  saved(): Promise<string | null> {
    return this.page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY);
  }

  async setSaved(text: string): Promise<void> {
    await this.page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [AUTOSAVE_KEY, text],
    );
  }

  /** Loads a file through the "Open trace file" picker. */
  async importFile(name: string, text: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  }

  /** Drops a file on the page, as a drag from the desktop does. */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t!], n!, { type: 'application/json' }));
        return dt;
      },
      [name, text],
    );
    const target = this.page.getByTestId('graph');
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await expect(this.page.getByTestId('drop-overlay')).toBeVisible();
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(this.page.getByTestId('drop-overlay')).toHaveCount(0);
  }

  /** Opens the mail-reply dialog and returns its text. */
  async mailExport(): Promise<string> {
    await this.openShareMenu();
    await this.page.getByTestId('export-text').click();
    await expect(this.page.getByTestId('export-dialog')).toBeVisible();
    await expect(this.mailText).toHaveValue(/Replayed by luoscope/);
    return this.mailText.inputValue();
  }

  /** Clicks a download button and returns the file's name and text. */
  async download(testid: string): Promise<{ name: string; text: string }> {
    await this.openShareMenu();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(testid).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
