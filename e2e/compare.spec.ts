/** The compare view: one history under several variants, aligned step by step. */
import { expect, test } from './fixtures';

test('seed under A, B, D: first difference at the retrieve, FINISH EBUSY under D', async ({
  luo,
  views,
  page,
}) => {
  await luo.open('seed', 'A');
  await luo.threadExample();
  await views.show('compare');
  await expect(page).toHaveURL(/view=compare/);
  await views.compareOnly('A', 'B', 'D');
  await expect(views.rows).toHaveCount(7);
  await expect(views.firstDifference).toHaveAttribute('data-step', '6');
  await expect(views.firstDifference).toContainText('first difference: step 6');
  await expect(views.firstDifference).toContainText('B EAGAIN');
  for (const step of [1, 2, 3, 4, 5]) {
    await expect(views.rows.nth(step - 1)).toHaveAttribute('data-differs', 'false');
  }
  const row6 = views.rows.nth(5);
  await expect(row6).toHaveAttribute('data-differs', 'true');
  await expect(row6).toContainText('first difference');
  await expect(views.cell(6, 'A')).toHaveAttribute('data-result', 'ok');
  await expect(views.cell(6, 'B')).toHaveAttribute('data-result', 'EAGAIN');
  await expect(views.cell(6, 'D')).toHaveAttribute('data-result', 'ok');
  await expect(views.rows.nth(6)).toHaveAttribute('data-differs', 'true');
  await expect(views.cell(7, 'D')).toHaveAttribute('data-result', 'EBUSY');
  await expect(views.cell(7, 'A')).toHaveAttribute('data-result', 'ok');
  // Each column draws its own outcome: only A orphaned gmem.
  await expect(views.column('A')).toHaveAttribute('data-orphans', '1');
  await expect(page.getByTestId('compare-node-A-gmem')).toHaveAttribute('data-orphan', 'true');
  await expect(views.column('B')).toHaveAttribute('data-orphans', '0');
  // B refused the retrieve, so FINISH discarded gmem's pages: data loss, not an orphan.
  await expect(page.getByTestId('compare-node-B-gmem')).toHaveAttribute('data-state', 'discarded');
  await expect(views.column('D')).toHaveAttribute('data-orphans', '0');
  await expect(page.getByTestId('compare-node-D-gmem')).toHaveAttribute('data-state', 'retrieved');

  // Back to before the retrieve (slider, then Ctrl+Z): no difference yet; the columns follow.
  await page.getByTestId('compare-slider').fill('6');
  await expect(views.rows).toHaveCount(6);
  await page.keyboard.press('Control+z');
  await expect(views.rows).toHaveCount(5);
  await expect(views.firstDifference).toHaveAttribute('data-step', '');
  await expect(page.getByTestId('compare-node-A-gmem')).toHaveAttribute('data-state', 'incoming');
  await page.keyboard.press('Control+Shift+z');
  await expect(views.firstDifference).toHaveAttribute('data-step', '6');
});

test('the compare view follows new actions; tabs work from the keyboard and the address', async ({
  luo,
  views,
  page,
}) => {
  await luo.open('seed', 'A');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await page.getByTestId('tab-graph').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-compare')).toBeFocused();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(views.rows).toHaveCount(3);
  await expect(views.firstDifference).toHaveAttribute('data-step', '');
  await expect(views.firstDifference).toContainText('No difference');
  // The session controls act in every view (the log is in the graph view); the columns follow.
  await page.getByTestId('action-kexec').click();
  await expect(views.rows).toHaveCount(4);
  await expect(page.getByTestId('compare-node-C-vm')).toHaveAttribute('data-state', 'incoming');
  // At least two columns stay.
  await views.compareOnly('A', 'B');
  await expect(page.getByTestId('compare-toggle-B')).toBeDisabled();
  await page.getByTestId('tab-compare').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('tab-timeline')).toBeFocused();
  await expect(page).toHaveURL(/view=timeline/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tab-explore')).toBeFocused();
  await expect(page).toHaveURL(/view=explore/);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('graph')).toBeVisible();
  await expect(page).not.toHaveURL(/view=/);
});
