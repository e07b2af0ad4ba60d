/** The page object of issue 4: history, share link, autosave, import and the exports. */
import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openMenu } from './menus';

/** Where a tab's autosave goes (src/app/slots.ts): sessionStorage names the tab's slot. */
export const TAB_KEY = 'luoscope/tab';
export const SLOT_PREFIX = 'luoscope/work/';

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

  /** This tab's saved work as stored (null when none). */
  saved(): Promise<string | null> {
    return this.page.evaluate(
      ([tab, prefix]) => {
        const id = sessionStorage.getItem(tab!);
        return id === null ? null : localStorage.getItem(`${prefix}${id}`);
      },
      [TAB_KEY, SLOT_PREFIX],
    );
  }

  /** Replaces this tab's saved work (the tab must have started once). */
  async setSaved(text: string): Promise<void> {
    await this.page.evaluate(
      ([tab, prefix, value]) => {
        const id = sessionStorage.getItem(tab!);
        if (id === null) throw new Error('this tab has no slot yet');
        localStorage.setItem(`${prefix}${id}`, value!);
      },
      [TAB_KEY, SLOT_PREFIX, text],
    );
  }

  /** The recent list (work of other tabs and earlier visits). */
  recent(): Locator {
    return this.page.getByTestId('recent');
  }

  /** The titles and step counts of the recent list, newest first. */
  async recentEntries(): Promise<string[]> {
    const items = this.page.getByTestId('recent-item');
    return items.evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.querySelector('[data-testid="recent-title"]')!.textContent}: ${e.querySelector('[data-testid="recent-steps"]')!.textContent}`,
      ),
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
