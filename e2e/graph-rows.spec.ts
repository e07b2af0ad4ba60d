/**
 * A real VM drawn readably at 1366x768 (issue 14): wide layers wrap into rows, every label is
 * drawn at 11 CSS px or more at the default zoom, no two nodes overlap, grouped and expanded;
 * a tall graph scrolls in its box; a group acts on its next file, "all" on all of them.
 */
import { expect, test } from './fixtures';
import { GraphPage } from './pages/GraphPage';

test.use({ viewport: { width: 1366, height: 768 } });

const MIN_LABEL_PX = 11;

async function expectReadable(graph: GraphPage) {
  const label = await graph.smallestLabel();
  expect(label.px, `"${label.text}" drawn at ${label.px.toFixed(2)} px`).toBeGreaterThanOrEqual(
    MIN_LABEL_PX,
  );
  expect(await graph.overlaps()).toEqual([]);
  // Rows are as wide as the box: it scrolls down, never sideways.
  const s = await graph.scroll();
  expect(s.scrollWidth).toBeLessThanOrEqual(s.width);
}

for (const scenario of ['vm-64', 'vms-128', 'vm-full', 'seed', 'bench-128']) {
  test(`${scenario}: readable and without overlap, grouped and expanded`, async ({ luo, page }) => {
    const graph = new GraphPage(page);
    await luo.open(scenario, 'A');
    await expectReadable(graph);
    await graph.expandAll();
    await expectReadable(graph);
  });
}

test('vm-64 expanded: 64 vCPUs wrap into rows, the VM above them all', async ({ luo, page }) => {
  const graph = new GraphPage(page);
  await luo.open('vm-64', 'A');
  await graph.expand('vm-vcpu0').click();
  await expect(page.locator('[data-testid^="node-vm-vcpu"]')).toHaveCount(64);
  const columns = Number(await graph.box.getAttribute('data-columns'));
  expect(columns).toBeGreaterThanOrEqual(2);
  const boxes = await graph.boxes();
  const vm = boxes.find((b) => b.id === 'node-vm')!;
  const files = boxes.filter((b) => b.id !== 'node-vm');
  const rows = new Map<number, number>();
  for (const b of files) rows.set(Math.round(b.y), (rows.get(Math.round(b.y)) ?? 0) + 1);
  expect(rows.size).toBe(Math.ceil(65 / columns));
  expect(Math.max(...rows.values())).toBeLessThanOrEqual(columns);
  for (const b of files) expect(b.y).toBeGreaterThan(vm.y + vm.height);
  // The expand button is gone: the focus moved to the group's first file, scrolled into sight.
  await expect(page.getByTestId('node-vm-vcpu0')).toBeFocused();
  await expect(page.getByTestId('node-vm-vcpu0')).toBeInViewport();
  // Moving the focus to a file out of sight scrolls the box to it.
  await page.getByTestId('node-vm-vcpu47').focus();
  await expect(page.getByTestId('node-vm-vcpu47')).toBeInViewport();
  await graph.box.evaluate((b) => b.scrollTo({ top: 0 }));
  // A file in the last row is reached by scrolling the box; its click preserves it.
  await luo.preserveFirst('vm');
  await luo.click('vm-vcpu63', [['preserve', 'ok']]);
  await luo.expectState('vm-vcpu63', 'preserved');
  expect((await graph.scroll()).top).toBeGreaterThan(0);
});

test('the wheel scrolls a tall graph; Ctrl + wheel zooms it', async ({ luo, page }) => {
  const graph = new GraphPage(page);
  await luo.open('vms-128', 'A');
  const s = await graph.scroll();
  expect(s.scrollHeight).toBeGreaterThan(s.height);
  const before = await graph.view.getAttribute('transform');
  const b = (await graph.box.boundingBox())!;
  await page.mouse.move(b.x + 20, b.y + b.height - 20);
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await graph.scroll()).top).toBeGreaterThan(0);
  await expect(graph.view).toHaveAttribute('transform', before!);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(graph.view).not.toHaveAttribute('transform', before!);
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(graph.view).toHaveAttribute('transform', before!);
});

test('a click on a group acts on its next file; "all" on every waiting one', async ({
  luo,
  page,
}) => {
  const graph = new GraphPage(page);
  await luo.open('vm-64', 'A');
  const group = graph.group('vm-vcpu0');
  const all = graph.all('vm-vcpu0');
  await expect(all.locator('text')).toHaveText('all 64');
  await expect(all).toHaveAttribute('aria-label', 'Preserve all 64 live files of 64 × kvm-vcpu');
  // Before the VM is preserved the kernel refuses the first vCPU, and "all" stops there.
  await luo.expectLog(
    () => all.click(),
    [
      ['createSession', 'ok'],
      ['preserve', 'ENOENT'],
    ],
  );
  await expect(group).toHaveAttribute('data-counts', '64 live');
  await expect(group.locator('text.node-type')).toHaveText('vm-vcpu0 … 63');

  await luo.click('vm', [['preserve', 'ok']]);
  await luo.expectLog(() => group.click(), [['preserve', 'ok']]);
  await luo.expectLog(() => group.click(), [['preserve', 'ok']]);
  await expect(group).toHaveAttribute('data-counts', '2 preserved · 62 live');
  await expect(all.locator('text')).toHaveText('all 62');
  // From the keyboard: the group's buttons are in the Tab order after it.
  await group.focus();
  await page.keyboard.press('Tab');
  await expect(all).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(group).toHaveAttribute('data-counts', '64 preserved');
  await expect(all).toHaveAttribute('aria-disabled', 'true');
  await expect(all).toBeFocused();
  await expect(luo.log).toHaveCount(67);

  // After kexec the same group retrieves, next file first; the counts take two lines.
  await luo.kexec();
  await expect(group).toHaveAttribute('data-counts', '64 incoming');
  await luo.click('vm', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  await luo.expectLog(() => group.click(), [['retrieve', 'ok']]);
  await expect(group).toHaveAttribute('data-counts', '1 retrieved · 63 incoming');
  await expect(group.locator('text.node-status')).toHaveText(['1 retrieved', '63 incoming']);
  await graph.expand('vm-vcpu0').click();
  await luo.expectState('vm-vcpu0', 'retrieved');
  await luo.expectState('vm-vcpu1', 'incoming');
});
