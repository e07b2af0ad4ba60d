/**
 * Work per tab: two pages of one browser context act independently, each reload keeps its
 * own work, and each sees the other's in the recent list and can restore it. Storage full or
 * denied gives a notice, and the page still works.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LuoPage } from './pages/LuoPage';
import { WorkPage } from './pages/WorkPage';

const SEED = "The thread's example: a VM and its guest_memfd";
const VM_FULL = 'A whole VM: vCPUs, guest memory, an iommufd and an assigned device';

/** The guard of fixtures.ts for a page the fixtures did not make. */
function guard(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('two tabs keep their own work; each offers the other in the recent list', async ({
  page,
  luo,
  work,
}) => {
  // Tab A: three steps on seed.
  await luo.open('seed', 'A');
  await expect(work.recent()).toHaveCount(0);
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await work.expectAt(3, 3);
  await expect.poll(() => work.saved()).toContain('"gmem"');

  // Tab B, in the same browser: a new tab offers A's work, and does its own.
  const pageB = await page.context().newPage();
  const problems = guard(pageB);
  const b = { luo: new LuoPage(pageB), work: new WorkPage(pageB) };
  await pageB.goto('./');
  await expect(b.work.recent()).toHaveAttribute('open', '');
  expect(await b.work.recentEntries()).toEqual([`${SEED}: 3 steps`]);
  // The list and the "Open a link or payload" box: no axe violation, in light and dark.
  for (const colorScheme of ['light', 'dark'] as const) {
    await pageB.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page: pageB })
      .include('[data-testid="recent"]')
      .include('[data-testid="open-link"]')
      .analyze();
    expect(axe.violations.map((v) => `${colorScheme} ${v.id}`)).toEqual([]);
  }
  await b.luo.open('vm-full', 'C');
  await b.luo.preserveFirst('ram');
  await b.work.expectAt(2, 2);
  await expect.poll(() => b.work.saved()).toContain('"ram"');

  // Each reload keeps its own work: B did not overwrite A.
  await page.reload();
  await work.expectAt(3, 3);
  await expect(page.getByTestId('scenario')).toHaveValue('seed');
  await luo.expectState('gmem', 'preserved');
  // A reloaded tab is not new: its list is there, closed, with B's work in it.
  await expect(work.recent()).not.toHaveAttribute('open', '');
  await work.recent().locator('summary').click();
  expect(await work.recentEntries()).toEqual([`${VM_FULL}: 2 steps`]);
  await pageB.reload();
  await b.work.expectAt(2, 2);
  await expect(pageB.getByTestId('scenario')).toHaveValue('vm-full');

  // B restores A's work: a copy; A keeps its own.
  await b.work.recent().locator('summary').click();
  expect(await b.work.recentEntries()).toEqual([`${SEED}: 3 steps`]);
  await pageB.getByTestId('recent-item').filter({ hasText: SEED }).getByRole('button').click();
  await b.work.expectAt(3, 3);
  await expect(pageB.getByTestId('scenario')).toHaveValue('seed');
  await expect(b.luo.variant).toHaveValue('A');
  // B's own work did not go: it is in the list now.
  await pageB.reload();
  await b.work.expectAt(3, 3);
  await b.work.recent().locator('summary').click();
  expect(await b.work.recentEntries()).toEqual([`${VM_FULL}: 2 steps`]);
  await b.luo.kexec();
  await b.work.expectAt(4, 4);
  await expect.poll(() => b.work.saved()).toContain('"kexec"');
  await page.reload();
  await work.expectAt(3, 3);
  await luo.expectState('gmem', 'preserved');
  await pageB.reload();
  await b.work.expectAt(4, 4);
  expect(problems).toEqual([]);
  await pageB.close();
});

test('full storage: a notice, and the page keeps working', async ({ page, luo, work }) => {
  await luo.open('seed', 'A');
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await luo.preserveFirst('vm');
  await expect(work.notice).toContainText('Autosave failed: The quota has been exceeded.');
  await expect(work.notice).toContainText('Download the trace (.json)');
  await luo.click('gmem', [['preserve', 'ok']]);
  await work.expectAt(3, 3);
});

test('storage denied (some private modes): a notice at start, the page works', async ({
  page,
  luo,
  work,
}) => {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  await luo.open('seed', 'A');
  await expect(work.notice).toContainText('does not let the page keep your work');
  await expect(work.recent()).toHaveCount(0);
  await luo.preserveFirst('vm');
  await work.expectAt(2, 2);
});
