/** Presenter mode, embed mode and the shortcut sheet. */
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';
import { PresenterPage } from './pages/PresenterPage';
import type { WorkPage } from './pages/WorkPage';

async function threadExample(luo: LuoPage) {
  await luo.open('seed', 'A');
  await luo.threadExample();
}

/** The thread's example as a share link's payload. */
async function threadLink(luo: LuoPage, work: WorkPage): Promise<string> {
  await threadExample(luo);
  return (await work.share()).split('#trace=')[1]!;
}

test('presenter keys: step, variant, timeline, play, leave', async ({ luo, page }) => {
  const p = new PresenterPage(page);
  await threadExample(luo);
  await page.getByTestId('present-open').click();
  await expect(p.root).toBeVisible();
  await expect(page).toHaveURL(/present/);
  // The lab's chrome is gone: no toolbar, no session controls, no history.
  await expect(page.getByTestId('share-menu')).toHaveCount(0);
  await expect(page.getByTestId('action-kexec')).toHaveCount(0);
  await expect(page.getByTestId('history')).toHaveCount(0);
  await p.expectStep(7, 7);
  await p.key('ArrowLeft');
  await p.expectStep(6);
  await p.key('Home');
  await p.expectStep(0);
  await p.key('ArrowRight');
  await p.expectStep(1);
  await p.key('Space');
  await p.expectStep(2);
  await p.key('End');
  await p.expectStep(7);
  await expect(luo.outcome).toHaveAttribute('data-orphans', '1');
  await p.key('v');
  await expect(p.variant).toHaveAttribute('data-variant', 'B');
  await expect(luo.outcome).toHaveAttribute('data-orphans', '0');
  await p.key('v');
  await p.key('v');
  await p.key('v');
  await expect(p.variant).toHaveAttribute('data-variant', 'A');
  await p.key('t');
  await expect(p.root).toHaveAttribute('data-view', 'timeline');
  await expect(page.getByTestId('timeline-mark')).toHaveAttribute('data-row', 'f:gmem');
  await p.key('t');
  await expect(p.root).toHaveAttribute('data-view', 'graph');
  await expect(luo.node('gmem')).toBeVisible();
  // Play from the start at the fast speed: it steps on its own, then stops at the end.
  await page.getByTestId('presenter-speed').selectOption('fast');
  await p.play.click();
  await expect(p.play).toHaveAttribute('aria-pressed', 'true');
  await p.expectStep(2);
  await expect(p.play).toHaveAttribute('aria-pressed', 'false', { timeout: 10_000 });
  await p.expectStep(7);
  await p.key('p');
  await expect(p.play).toHaveAttribute('aria-pressed', 'true');
  await p.key('p');
  await expect(p.play).toHaveAttribute('aria-pressed', 'false');
  await p.key('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);
  await expect(p.root).toBeVisible();
  await p.key('Escape');
  await expect(p.root).toHaveCount(0);
  await expect(page.getByTestId('share-menu')).toBeVisible();
  await expect(page).not.toHaveURL(/present/);
});

test('?present opens presenter mode; f asks for full screen', async ({ page }) => {
  const p = new PresenterPage(page);
  await page.goto('./?scenario=seed&variant=D&present');
  await expect(p.root).toBeVisible();
  await expect(p.variant).toHaveAttribute('data-variant', 'D');
  await p.key('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await p.key('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
});

test('an embed URL shows only the timeline at step N', async ({ luo, work, page }) => {
  const payload = await threadLink(luo, work);
  await page.goto(`./?embed=timeline&step=4#trace=${payload}`);
  const embed = page.getByTestId('embed');
  await expect(embed).toHaveAttribute('data-view', 'timeline');
  const chart = page.getByTestId('timeline');
  await expect(chart).toHaveAttribute('aria-valuenow', '4');
  await expect(chart).toHaveAttribute('data-steps', '7');
  await expect(page.getByTestId('timeline-mark')).toHaveAttribute('data-step', '7');
  for (const id of ['graph', 'share-menu', 'action-kexec', 'outcome', 'history'])
    await expect(page.getByTestId(id)).toHaveCount(0);
  const open = page.getByTestId('embed-open');
  await expect(open).toHaveText('open in luoscope');
  await expect(open).toHaveAttribute('href', /step=4#trace=1\./);
  await expect(open).not.toHaveAttribute('href', /embed/);
  // The embed keeps the link in its address and leaves the saved work alone.
  await expect(page).toHaveURL(/#trace=1\./);
});

test('embed=graph and embed=compare size the view to the frame', async ({ luo, work, page }) => {
  const payload = await threadLink(luo, work);
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(`./?embed=graph&step=6#trace=${payload}`);
  await expect(luo.node('gmem')).toHaveAttribute('data-state', 'retrieved');
  const box = await page.getByTestId('graph').boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(400);
  expect(box!.height).toBeGreaterThan(200);
  await expect(page.getByTestId('embed-open')).toBeInViewport();
  await page.goto(`./?embed=compare#trace=${payload}`);
  await expect(page.getByTestId('compare-first-difference')).toHaveAttribute('data-step', '6');
});

test('? opens the shortcut sheet with every key; Escape closes it', async ({ luo, page }) => {
  await luo.open('seed', 'A');
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  for (const text of ['Ctrl+Z', 'Page Up', 'Presenter mode', 'full screen', 'Enter'])
    await expect(sheet).toContainText(text);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await page.getByTestId('shortcuts-open').click();
  await expect(sheet).toBeVisible();
  await page.getByTestId('shortcut-close').click();
  await expect(sheet).toHaveCount(0);
});
