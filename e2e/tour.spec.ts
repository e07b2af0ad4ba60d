/** The guided tour: walked by keyboard to the end, opened by address, left and resumed. */
import AxeBuilder from '@axe-core/playwright';
import { checkStep } from '../src/tour/check';
import { TOUR } from '../src/tour/steps';
import { expect, test } from './fixtures';

test('the whole tour, keyboard only: every answer is the engine’s', async ({ tour, luo, page }) => {
  await luo.open('seed', 'A');
  const start = page.getByTestId('tour-start');
  await tour.tabTo(start);
  await page.keyboard.press('Enter');
  await expect(page.locator('#tour-title')).toBeFocused();

  for (const [i, step] of TOUR.entries()) {
    await tour.expectStep(i + 1, TOUR.length);
    await expect(tour.panel).toHaveAttribute('data-step-id', step.id);
    if (step.task.kind === 'act') {
      await tour.tabTo(page.getByTestId('tour-do'));
    } else {
      await tour.chooseByKeyboard(checkStep(step).correct[0]!.id);
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('tour-check')).toBeFocused();
    }
    await page.keyboard.press('Enter');
    await expect(tour.result).toBeFocused();
    await expect(tour.result).toHaveAttribute('data-correct', 'true');
    const { result, states } = step.answer.expect;
    if (result) await expect(tour.result).toHaveAttribute('data-result', result);
    // The graph shows what the engine did.
    for (const [id, state] of Object.entries(states ?? {})) {
      await expect(luo.node(id)).toHaveAttribute('data-state', state);
    }
    const next = page.getByTestId(i === TOUR.length - 1 ? 'tour-finish' : 'tour-next');
    await tour.tabTo(next);
    await page.keyboard.press('Enter');
  }
  await expect(tour.panel).toHaveCount(0);
  await expect(start).toBeFocused();
  await expect(page).not.toHaveURL(/tour=/);
  // The work open before the tour is back.
  await luo.expectState('vm', 'live');
  await expect(luo.log).toHaveCount(0);
});

test('?tour=4 opens the orphan step; Escape leaves, and the tour resumes there', async ({
  tour,
  luo,
  page,
}) => {
  await tour.openStep(4);
  await expect(page.locator('#tour-title')).toHaveText('The orphaned guest_memfd');
  await luo.expectState('gmem', 'retrieved');
  await luo.expectState('vm', 'kernel-retrieved');
  await expect(luo.variant).toHaveValue('A');
  await expect(page.getByTestId('tour-sources').locator('a').first()).toHaveAttribute(
    'href',
    'https://lore.kernel.org/all/2vxzwlvljyzs.fsf@kernel.org/',
  );

  await page.getByTestId('tour-next').click();
  await tour.expectStep(5);
  await expect(luo.variant).toHaveValue('B');
  await page.keyboard.press('Escape');
  await expect(tour.panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/tour=/);
  const resume = page.getByTestId('tour-resume');
  await expect(resume).toHaveText('Resume tour (step 5)');
  await expect(resume).toBeFocused();

  await page.reload();
  await expect(resume).toHaveText('Resume tour (step 5)');
  await resume.click();
  await tour.expectStep(5);
  await expect(luo.variant).toHaveValue('B');
});

test('a wrong prediction says what the engine did instead, and the step can be retried', async ({
  tour,
  luo,
  page,
}) => {
  await tour.openStep(2);
  // "Check" is aria-disabled (still focusable) until an answer is picked.
  await page.getByTestId('tour-check').focus();
  await page.keyboard.press('Enter');
  await expect(tour.panel.getByText('Pick an answer first.')).toBeVisible();
  await page.getByTestId('tour-choice-ok').check();
  await page.getByTestId('tour-check').click();
  await expect(tour.result).toHaveAttribute('data-correct', 'false');
  await expect(tour.result).toHaveAttribute('data-result', 'ENOENT');
  await expect(tour.result).toContainText('Not quite. What the engine did: ENOENT');
  await expect(luo.log.last()).toHaveAttribute('data-result', 'ENOENT');
  await page.getByTestId('tour-retry').click();
  await expect(page.getByTestId('tour-choice-ok')).not.toBeChecked();
  await expect(luo.log).toHaveCount(1);
});

test('an act step notices the click on the graph itself', async ({ tour, luo }) => {
  await tour.openStep(1);
  await luo.preserveFirst('vm');
  await expect(tour.result).toHaveAttribute('data-correct', 'true');
  await expect(tour.result).toContainText('PRESERVE_FD took the VM');
});

test('a step number past the end opens the last step with a notice', async ({ tour, page }) => {
  await page.goto('./?tour=99');
  await tour.expectStep(TOUR.length);
  await expect(page.getByTestId('notice')).toContainText(`The tour has ${TOUR.length} steps`);
});

test('axe: the tour panel with an answer and the editor with a problem', async ({ tour, page }) => {
  await tour.openStep(3);
  await page.getByTestId('tour-choice-implicit').check();
  await page.getByTestId('tour-check').click();
  await expect(tour.result).toHaveAttribute('data-correct', 'true');
  await page.getByTestId('tour-sources').locator('summary').click();
  await tour.openEditor();
  await tour.editorFiles.nth(0).getByTestId('editor-id').fill('');
  await expect(tour.editorStatus).toHaveAttribute('data-valid', 'false');
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
