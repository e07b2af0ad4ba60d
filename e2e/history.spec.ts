/** Undo, redo and jump: the graph, the log and the outcome follow the position. */
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';
import { openMenu } from './pages/menus';

/** seed under A: createSession, preserve vm, preserve gmem, kexec (4 steps). */
async function preserveAndReboot(luo: LuoPage) {
  await luo.open('seed', 'A');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.kexec();
}

test('undo, redo and jump move the graph and the log; a new action forks', async ({
  luo,
  work,
  page,
}) => {
  await preserveAndReboot(luo);
  await work.expectAt(4, 4);
  await expect(work.redoButton).toBeDisabled();

  await work.undoButton.click();
  await work.expectAt(3, 4);
  await luo.expectState('gmem', 'preserved');
  await expect(luo.log).toHaveCount(3);
  await expect(luo.boot).toHaveAttribute('data-boot', '0');
  await expect(luo.announcer).toContainText('Undid step 4: kexec');

  await work.jump(1);
  await luo.expectState('vm', 'live');
  await expect(luo.log).toHaveCount(1);
  await expect(work.steps.nth(2)).toHaveAttribute('data-undone', 'true');

  await work.redoButton.click();
  await work.expectAt(2);
  await luo.expectState('vm', 'preserved');
  await luo.expectState('gmem', 'live');

  await work.slider.fill('4');
  await work.expectAt(4);
  await luo.expectState('gmem', 'incoming');

  // At step 2 a kexec forks the history: steps 3 and 4 are gone, nothing to redo.
  await work.jump(2);
  await luo.kexec();
  await work.expectAt(3, 3);
  await expect(work.redoButton).toBeDisabled();
  await luo.expectState('vm', 'incoming');
  await luo.expectState('gmem', 'gone');
  await expect(page.getByTestId('history-step')).toHaveCount(4);
});

test('Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the arrow keys', async ({ luo, work, page }) => {
  await preserveAndReboot(luo);
  await page.keyboard.press('Control+z');
  await work.expectAt(3);
  await page.keyboard.press('Control+z');
  await work.expectAt(2);
  await luo.expectState('gmem', 'live');
  await page.keyboard.press('Control+Shift+Z');
  await work.expectAt(3);
  await page.keyboard.press('Control+y');
  await work.expectAt(4);
  await luo.expectState('gmem', 'incoming');

  // The step list: one Tab stop (the current step); arrows, Home and End move and focus.
  const current = page.locator('[data-testid="history-step"][aria-current="step"]');
  await current.focus();
  await page.keyboard.press('ArrowUp');
  await work.expectAt(3);
  await expect(current).toBeFocused();
  await page.keyboard.press('Home');
  await work.expectAt(0);
  await luo.expectState('vm', 'live');
  await page.keyboard.press('ArrowDown');
  await work.expectAt(1);
  await page.keyboard.press('End');
  await work.expectAt(4);

  // The slider moves with the arrow keys too.
  await work.slider.focus();
  await page.keyboard.press('ArrowLeft');
  await work.expectAt(3);
  await luo.expectState('gmem', 'preserved');

  // In a text field Ctrl+Z is the field's own undo.
  await openMenu(page, 'session-menu');
  await page.getByTestId('session-name').fill('x');
  await page.keyboard.press('Control+z');
  await work.expectAt(3);
});
