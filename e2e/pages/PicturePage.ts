/** The "Picture" menu: downloads a view as SVG or PNG and opens the SVG in its own tab. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openMenu } from './menus';

export class PicturePage {
  constructor(readonly page: Page) {}

  /** Downloads a picture; returns its file name, path and bytes. */
  async download(of: string, format: 'svg' | 'png', scheme: 'light' | 'dark' = 'light') {
    await openMenu(this.page, 'picture-menu');
    await this.page.getByTestId('picture-of').selectOption(of);
    await this.page.getByTestId(`picture-${scheme}`).check();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(`picture-${format}`).click(),
    ]);
    // Saved under its own name: Chromium opens a file by its extension.
    const name = download.suggestedFilename();
    const path = join(await mkdtemp(join(tmpdir(), 'luoscope-picture-')), name);
    await download.saveAs(path);
    return { name, path, bytes: await readFile(path) };
  }

  /** Opens a downloaded SVG as a page of its own in Chromium (a new tab, not the app's). */
  async openSvg(path: string): Promise<Page> {
    const tab = await this.page.context().newPage();
    await tab.goto(`file://${path}`);
    await expect(tab.locator('svg.luoscope-picture')).toBeVisible();
    return tab;
  }
}
