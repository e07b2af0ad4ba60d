/** axe-core on the compare and explore views, in light and dark colour schemes. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function bothSchemes(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
}

test('the compare view with a difference, light and dark', async ({ luo, views, page }) => {
  await luo.open('seed', 'A');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  await views.show('compare');
  await expect(views.firstDifference).toHaveAttribute('data-step', '6');
  await bothSchemes(page);
});

test('the explorer with its table, light and dark', async ({ views, page }) => {
  await page.goto('./?scenario=seed&view=explore');
  await views.run();
  await bothSchemes(page);
});
