/** The timeline: the thread's example read off it, clicks and keys move the history, the table. */
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';
import { TimelinePage } from './pages/TimelinePage';

async function threadExample(luo: LuoPage) {
  await luo.open('seed', 'A');
  await luo.threadExample();
}

test("the thread's example: gmem's orphan mark sits at the FINISH column", async ({
  luo,
  page,
}) => {
  const tl = new TimelinePage(page);
  await threadExample(luo);
  await tl.show();
  const finish = await tl.stepOf(tl.column('finish'));
  expect(finish).toBe(7);
  await expect(tl.mark('orphan', 'gmem')).toHaveAttribute('data-step', String(finish));
  await expect(tl.mark('orphan', 'vm')).toHaveCount(0);
  // The kexec band splits the boots; gmem's arc crosses it; vm's is the kernel's retrieval.
  const kexec = await tl.stepOf(tl.column('kexec'));
  await expect(tl.chart.getByTestId('timeline-kexec')).toHaveAttribute('data-step', String(kexec));
  const arc = tl.chart.locator('[data-testid="timeline-arc"][data-row="f:gmem"]');
  await expect(arc).toHaveAttribute('data-from', '3');
  await expect(arc).toHaveAttribute('data-to', '6');
  await expect(tl.glyph('vm', 6)).toHaveAttribute('data-implicit', 'true');
  await expect(tl.glyph('gmem', 6)).toHaveAttribute('data-result', 'ok');
  await expect(tl.glyph('gmem', 6)).toHaveAttribute('data-implicit', 'false');
  // The table says the same in words.
  await expect(tl.table.locator('tr').nth(finish)).toContainText('gmem orphaned');
});

test('a click on a column or a glyph moves the history; the keys move it too', async ({
  luo,
  work,
  page,
}) => {
  const tl = new TimelinePage(page);
  await threadExample(luo);
  await tl.show();
  await tl.column('kexec').click({ position: { x: 10, y: 10 } });
  await tl.expectAt(4);
  await tl.glyph('gmem', 3).click();
  await tl.expectAt(3);
  await tl.chart.focus();
  await page.keyboard.press('ArrowRight');
  await tl.expectAt(4);
  await page.keyboard.press('End');
  await tl.expectAt(7);
  await page.keyboard.press('Home');
  await tl.expectAt(0);
  await page.getByTestId('timeline-table-toggle').click();
  await tl.table.getByRole('button', { name: 'Show the state after step 7' }).click();
  await tl.expectAt(7);
  await page.getByTestId('tab-graph').click();
  await work.expectAt(7, 7);
  await luo.expectState('gmem', 'finished', true);
});

test('B: the refused retrieve reads EAGAIN on gmem, no arc reaches it', async ({ luo, page }) => {
  const tl = new TimelinePage(page);
  await luo.open('seed', 'B');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'EAGAIN'],
  ]);
  await tl.show();
  await expect(tl.glyph('gmem', 6)).toHaveAttribute('data-result', 'EAGAIN');
  await expect(tl.glyph('gmem', 6)).toContainText('EAGAIN');
  await expect(tl.chart.locator('[data-testid="timeline-arc"][data-row="f:gmem"]')).toHaveCount(0);
});

test('the strip under the graph follows the history at 1280x720', async ({ luo, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const tl = new TimelinePage(page);
  await threadExample(luo);
  await expect(tl.strip).toHaveAttribute('aria-valuenow', '7');
  await tl.column('preserve', tl.strip).click({ position: { x: 10, y: 10 } });
  await expect(tl.strip).toHaveAttribute('aria-valuenow', '2');
  await luo.expectState('vm', 'preserved');
  await luo.expectState('gmem', 'live');
});

test('compare: one timeline per variant, aligned by step, the first difference marked', async ({
  luo,
  views,
  page,
}) => {
  await threadExample(luo);
  await views.show('compare');
  for (const v of ['A', 'B', 'C', 'D']) {
    const chart = page.getByTestId(`timeline-${v}`);
    await expect(chart).toHaveAttribute('aria-valuenow', '7');
    await expect(chart.getByTestId('timeline-first-difference')).toHaveAttribute('data-step', '6');
  }
  const tl = new TimelinePage(page);
  const a = page.getByTestId('timeline-A');
  const b = page.getByTestId('timeline-B');
  await expect(tl.glyph('gmem', 6, b)).toHaveAttribute('data-result', 'EAGAIN');
  await expect(tl.mark('orphan', 'gmem', a)).toHaveAttribute('data-step', '7');
  // Step 6 is at the same x in every column's timeline.
  const xa = await tl.glyph('gmem', 6, a).boundingBox();
  const xb = await tl.glyph('gmem', 6, b).boundingBox();
  expect(Math.abs(xa!.x + xa!.width / 2 - (xb!.x + xb!.width / 2))).toBeLessThan(1);
});
