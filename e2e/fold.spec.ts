/**
 * The graph and the outcome above the fold: after the thread's example at 1366x768 and
 * 1280x720, the gmem node and the outcome are inside the viewport without a scroll.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function inViewport(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const size = page.viewportSize()!;
  expect(box, 'drawn').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
}

for (const [width, height] of [
  [1366, 768],
  [1280, 720],
] as const) {
  test(`${width}x${height}: the thread's example shows gmem and the outcome without a scroll`, async ({
    luo,
    page,
  }, info) => {
    await page.setViewportSize({ width, height });
    await luo.open('seed', 'A');
    await luo.threadExample();
    await luo.expectState('gmem', 'finished', true);
    expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
    const shot = await page.screenshot();
    await info.attach(`fold-${width}x${height}.png`, { body: shot, contentType: 'image/png' });
    await inViewport(page, luo.node('gmem'));
    await inViewport(page, luo.node('vm'));
    await inViewport(page, luo.outcome);
    await expect(page.getByTestId('outcome-orphan')).toBeInViewport({ ratio: 1 });
    // Every control a step needs is in sight too: kexec, finish, the variant, the history.
    for (const id of ['action-kexec', 'action-finish', 'variant', 'scenario', 'share-menu']) {
      await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
    }
  });
}
