/** axe on the timeline: the strip, the tab with its table shown, the compare timelines. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';
import { TimelinePage } from './pages/TimelinePage';

async function bothSchemes(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(', ')}`),
      colorScheme,
    ).toEqual([]);
  }
}

/** Seed under B up to the refused retrieve: a glyph with an errno, a kexec band, an arc. */
async function refusedRetrieve(luo: LuoPage) {
  await luo.page.setViewportSize({ width: 1366, height: 768 });
  await luo.open('seed', 'B');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'EAGAIN'],
  ]);
}

test('the timeline strip under the graph, light and dark', async ({ luo, page }) => {
  await refusedRetrieve(luo);
  await expect(new TimelinePage(page).strip).toBeVisible();
  await bothSchemes(page);
});

test('the timeline tab with its table, light and dark', async ({ luo, page }) => {
  const tl = new TimelinePage(page);
  await refusedRetrieve(luo);
  await tl.show();
  await page.getByTestId('timeline-table-toggle').click();
  await expect(tl.table).toBeVisible();
  await bothSchemes(page);
});

test('the compare timelines, light and dark', async ({ luo, views, page }) => {
  await refusedRetrieve(luo);
  await views.show('compare');
  await expect(page.getByTestId('timeline-A')).toBeVisible();
  await bothSchemes(page);
});
