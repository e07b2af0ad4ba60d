/** The thread's example with the keyboard only: Tab to reach, Enter/Space to act. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Presses Tab (or Shift+Tab) until the element with this test id has the focus. */
async function tabTo(page: Page, testid: string, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 80; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testid) return;
    await page.keyboard.press(key);
  }
  throw new Error(`could not Tab to ${testid}`);
}

test('seed under A, keyboard only: the orphan appears after FINISH', async ({ luo, page }) => {
  await luo.open('seed', 'A');
  await tabTo(page, 'node-vm');
  await expect(luo.node('vm')).toBeFocused();
  await page.keyboard.press('Enter');
  await luo.expectState('vm', 'preserved');
  await expect(luo.announcer).toContainText('preserve vm into vmm@0 as token 1: ok');

  await tabTo(page, 'node-gmem');
  await page.keyboard.press(' ');
  await luo.expectState('gmem', 'preserved');
  await expect(luo.announcer).toContainText('preserve gmem into vmm@0 as token 2: ok');

  await tabTo(page, 'action-kexec', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(luo.boot).toHaveAttribute('data-boot', '1');
  await expect(luo.announcer).toContainText('kexec: ok');

  await tabTo(page, 'node-gmem');
  await page.keyboard.press('Enter');
  await luo.expectState('gmem', 'retrieved');
  await expect(luo.announcer).toContainText('retrieve token 2 from vmm@1: ok');

  await tabTo(page, 'action-finish', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(luo.log.last()).toHaveAttribute('data-op', 'finish');
  await expect(luo.log.last()).toHaveAttribute('data-result', 'ok');
  await luo.expectState('gmem', 'finished', true);
  await luo.expectOrphans(1);
  await expect(luo.announcer).toContainText('ORPHANED');
  await expect(luo.node('gmem')).toHaveAttribute('aria-label', /guest_memfd gmem: .*ORPHAN/);
});

test('the variant picker and switches work from the keyboard', async ({ luo, page }) => {
  await luo.open('seed', 'A');
  await tabTo(page, 'variant');
  await page.keyboard.press('ArrowDown');
  await expect(luo.variant).toHaveValue('B');
  await expect(page.getByTestId('variant-line')).toContainText('Pratyush Yadav');
});
