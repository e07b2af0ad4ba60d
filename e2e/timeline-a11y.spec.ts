/** axe on the timeline: the tab with its table shown, the strip, and the compare timelines. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TimelinePage } from './pages/TimelinePage';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

async function bothSchemes(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await violations(page), colorScheme).toEqual([]);
  }
}

test('the timeline tab, its table, the strip and the compare timelines, light and dark', async ({
  luo,
  views,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await luo.open('seed', 'B');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'EAGAIN'],
  ]);
  const tl = new TimelinePage(page);
  await expect(tl.strip).toBeVisible();
  await bothSchemes(page);
  await tl.show();
  await page.getByTestId('timeline-table-toggle').click();
  await expect(tl.table).toBeVisible();
  await bothSchemes(page);
  await views.show('compare');
  await expect(page.getByTestId('timeline-A')).toBeVisible();
  await bothSchemes(page);
});
