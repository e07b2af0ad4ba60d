/** axe on presenter mode (graph and timeline, the shortcut sheet) and embed mode, light and dark. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';
import { PresenterPage } from './pages/PresenterPage';

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

async function presenting(luo: LuoPage, page: Page) {
  await luo.open('seed', 'A');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.kexec();
  await page.getByTestId('present-open').click();
  await expect(new PresenterPage(page).root).toBeVisible();
}

test('presenter mode: the graph', async ({ luo, page }) => {
  await presenting(luo, page);
  await bothSchemes(page);
});

test('presenter mode: the timeline and the shortcut sheet', async ({ luo, page }) => {
  const p = new PresenterPage(page);
  await presenting(luo, page);
  await p.key('t');
  await expect(p.root).toHaveAttribute('data-view', 'timeline');
  await bothSchemes(page);
  await p.key('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

for (const view of ['graph', 'timeline', 'compare']) {
  test(`embed mode: ${view}`, async ({ luo, work, page }) => {
    await luo.open('seed', 'A');
    await luo.preserveFirst('vm');
    await luo.click('gmem', [['preserve', 'ok']]);
    await luo.kexec();
    const payload = (await work.share()).split('#trace=')[1]!;
    await page.goto(`./?embed=${view}&step=3#trace=${payload}`);
    await expect(page.getByTestId('embed')).toHaveAttribute('data-view', view);
    await expect(page.getByTestId('embed-open')).toBeVisible();
    await bothSchemes(page);
  });
}
