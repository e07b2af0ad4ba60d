/**
 * The README's pictures of the page: the thread's example (seed under A, orphan after FINISH)
 * at 1366x768 and 1280x720, light and dark, the timeline tab and presenter mode. Rerun after
 * a UI change: `npm run docs:layout` (builds, serves dist/ with `vite preview`, writes
 * docs/*.png).
 */
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { PREVIEW_URL, launchOptions } from '../e2e/browser';
import { startPreview } from '../e2e/preview';

const SIZES = [
  [1366, 768],
  [1280, 720],
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** The four steps of "Try the thread's example", as a person clicks them. */
async function threadExample(page: Page) {
  await page.goto(`${PREVIEW_URL}?scenario=seed&variant=A`);
  const log = page.getByTestId('log-entry');
  const click = async (id: string, entries: number) => {
    await page.getByTestId(id).click();
    await expect(log).toHaveCount(entries);
  };
  await click('node-vm', 2);
  await click('node-gmem', 3);
  await click('action-kexec', 4);
  await click('node-gmem', 6);
  await click('action-finish', 7);
  await expect(page.getByTestId('node-gmem')).toHaveAttribute('data-orphan', 'true');
  // The node clicked last keeps the focus ring; a picture is clearer without it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function main() {
  const stop = await startPreview();
  const browser = await chromium.launch(launchOptions);
  try {
    for (const colorScheme of SCHEMES) {
      for (const [width, height] of SIZES) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme });
        await threadExample(page);
        const path = `docs/layout-${width}x${height}-${colorScheme}.png`;
        await page.screenshot({ path });
        console.log(`wrote ${path}`);
        if (width === 1366) {
          await page.getByTestId('tab-timeline').click();
          await expect(page.getByTestId('timeline-view')).toBeVisible();
          const tl = `docs/timeline-${colorScheme}.png`;
          await page.screenshot({ path: tl });
          console.log(`wrote ${tl}`);
          if (colorScheme === 'light') {
            await page.getByTestId('tab-graph').click();
            await page.getByTestId('present-open').click();
            await expect(page.getByTestId('presenter')).toBeVisible();
            await page.screenshot({ path: 'docs/presenter.png' });
            console.log('wrote docs/presenter.png');
          }
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    stop();
  }
}

await main();
