/** axe-core: no serious or critical violation, in light and dark colour schemes. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('seed: at start and with an orphan', async ({ luo, page }) => {
      await luo.open('seed', 'A');
      expect(await seriousViolations(page)).toEqual([]);
      await luo.threadExample();
      await luo.expectState('gmem', 'finished', true);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('vm-full with a refusal, the side panel and the switches open', async ({ luo, page }) => {
      await luo.open('vm-full', 'D');
      await luo.click('nic', [
        ['createSession', 'ok'],
        ['preserve', 'ENOENT'],
      ]);
      await page.getByText('Advanced switches').click();
      await expect(page.getByTestId('switch-depLookupPhase')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
