/** Interchangeable files in the graph: one group node, a click acts on its next file, expand. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('vm-64 draws its 64 vCPUs as one readable group; a click preserves the next one', async ({
  luo,
  page,
}) => {
  await luo.open('vm-64', 'A');
  const group = page.getByTestId('node-group:vm-vcpu0');
  await expect(group).toHaveAttribute('data-group-size', '64');
  await expect(group).toContainText('64 × kvm-vcpu');
  await expect(group).toHaveAttribute('data-counts', '64 live');
  // At the default zoom of a 1366x768 window, the group's title is at least 12 px tall.
  const title = group.locator('.node-id');
  expect((await title.boundingBox())!.height).toBeGreaterThanOrEqual(12);

  await luo.click('vm', [
    ['createSession', 'ok'],
    ['preserve', 'ok'],
  ]);
  await group.click();
  await expect(group).toHaveAttribute('data-counts', '1 preserved · 63 live');
  await expect(luo.log.last()).toHaveAttribute('data-op', 'preserve');
  await expect(luo.log.last()).toHaveAttribute('data-result', 'ok');
  // Shift acts on every file waiting in that state.
  await group.click({ modifiers: ['Shift'] });
  await expect(group).toHaveAttribute('data-counts', '64 preserved');

  await page.getByTestId('expand-group:vm-vcpu0').click();
  await expect(page.locator('[data-testid^="node-vm-vcpu"]')).toHaveCount(64);
  await expect(page.getByTestId('node-vm-vcpu63')).toHaveAttribute('data-state', 'preserved');
  await page.getByTestId('collapse-groups').click();
  await expect(group).toHaveAttribute('data-group-size', '64');
});

test('the group works from the keyboard', async ({ luo, page }) => {
  await luo.open('vm-64', 'C');
  const group = page.getByTestId('node-group:vm-vcpu0');
  await group.focus();
  await page.keyboard.press('Enter');
  await expect(group).toHaveAttribute('data-counts', '1 preserved · 63 live');
  await page.getByTestId('expand-group:vm-vcpu0').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid^="node-vm-vcpu"]')).toHaveCount(64);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on the grouped graph and the explorer's chart (${colorScheme})`, async ({
    luo,
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await luo.open('vm-64', 'A');
    await page.getByTestId('tab-explore').click();
    await page.getByTestId('explore-variant-B').uncheck();
    await page.getByTestId('explore-variant-C').uncheck();
    await page.getByTestId('explore-variant-D').uncheck();
    await page.getByTestId('explore-run').click();
    await expect(page.getByTestId('explorer')).toHaveAttribute('data-status', 'done', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('explore-chart')).toBeVisible();
    const chart = await new AxeBuilder({ page }).analyze();
    expect(chart.violations.map((v) => v.id)).toEqual([]);
    await page.getByTestId('tab-graph').click();
    const graph = await new AxeBuilder({ page }).analyze();
    expect(graph.violations.map((v) => v.id)).toEqual([]);
  });
}
