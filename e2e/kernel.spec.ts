/**
 * Kernel trees and model corrections in the page: the tree picker, the seed example under the
 * posted code, an early freeze, the cycle's deadlock, an old link that meets correction C1, and
 * the kernel's 500-memfd stress selftest opened as a file.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { encodeLink } from '../src/trace/link';
import { parseTrace } from '../src/trace/parse';
import { expect, test } from './fixtures';
import { openMenu } from './pages/menus';

test('pick a tree: the seed example under posted-2026-09 C still orphans gmem', async ({
  luo,
  page,
}) => {
  await page.goto('./?scenario=seed&variant=C&kernel=posted-2026-09');
  await expect(page.getByTestId('kernel')).toHaveValue('posted-2026-09');
  await page.getByTestId('kernel-about').locator('summary').click();
  await expect(page.getByTestId('kernel-about')).toContainText('guest_memfd v4');
  await luo.preserveFirst('gmem');
  await luo.click('vm', [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'ok'],
  ]);
  await luo.finish();
  await luo.expectOrphans(1);
  // The same clicks under v7.3: mainline has no KVM handler at all.
  await page.getByTestId('kernel').selectOption('v7.3');
  await expect(page).toHaveURL(/kernel=v7.3/);
  await expect(luo.log.nth(1)).toHaveAttribute('data-result', 'ENOENT');
  await expect(luo.node('gmem')).toContainText('no handler in v7.3');
});

test('proposed-2026-10: freeze a session, then PRESERVE_FD is refused with EBUSY', async ({
  luo,
  page,
}) => {
  await page.goto('./?scenario=seed&variant=C&kernel=proposed-2026-10');
  await luo.preserveFirst('vm');
  await openMenu(page, 'session-menu');
  await luo.button('action-freeze-session', 'freezeSession');
  await luo.click('gmem', [['preserve', 'EBUSY']]);
  await expect(luo.log.last()).toContainText('frozen');
});

test('the cycle preset under C: RETRIEVE_FD deadlocks, and the page says the VMM hung', async ({
  luo,
}) => {
  await luo.open('cycle', 'C');
  await luo.preserveFirst('a');
  await luo.click('b', [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('a', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'hang'],
  ]);
  await expect(luo.outcome).toHaveAttribute('data-hung', 'true');
  await expect(luo.outcome).toContainText('VMM hung');
  await expect(luo.outcome).toContainText('deadlock');
  await luo.button('action-kexec', 'kexec', 'not reached');
});

test('an old link made before correction C1 opens and names C1 and the step it changed', async ({
  work,
  page,
}) => {
  // The cycle under C as luoscope 0.1 replayed it: RETRIEVE_FD(a) -> ok, FINISH -> ok.
  const parsed = parseTrace(readFileSync('src/cli/testdata/cycle-before-c1.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  await work.openLink(encodeLink(parsed.doc));
  await expect(work.notice).toContainText('made before model correction C1');
  await expect(work.notice).toContainText('step 6 (retrieve) now gives hang, it gave ok');
  // The log names C1 beside the steps it changed (the hang, the FINISH not reached), no other.
  const marks = page.getByTestId('log-correction');
  await expect(marks).toHaveCount(2);
  await expect(page.getByTestId('log-entry').nth(5).getByTestId('log-correction')).toContainText(
    'model correction C1',
  );
  await expect(page.getByTestId('log-entry').nth(5)).toHaveAttribute('data-result', 'hang');
});

test('the kernel stress selftest with 500 memfds opens from a file and replays', async ({
  work,
  luo,
  page,
}) => {
  const text = readFileSync('vectors/selftests/v7.3/luo_stress_files-kexec.json', 'utf8');
  await luo.open();
  await openMenu(page, 'share-menu');
  await work.importFile('luo_stress_files-kexec.json', text);
  await expect(page.getByTestId('kernel')).toHaveValue('v7.3');
  await expect(luo.log.last()).toHaveAttribute('data-result', /.+/);
  await expect(luo.outcome).toHaveAttribute('data-orphans', '0');
  // 501 alike memfds draw as one group node that counts them by state.
  const group = page.getByTestId('node-group:state');
  await expect(group).toHaveAttribute('data-group-size', '501');
  await expect(group).toHaveAttribute('data-counts', /501 finished/);
});

/**
 * Records every text the element with this test id shows from now on (a progress line comes
 * and goes between two checks); the function returns what was seen so far.
 */
async function recordTexts(page: Page, testId: string): Promise<() => Promise<string[]>> {
  await page.evaluate((id) => {
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[`seen-${id}`] = seen;
    new MutationObserver(() => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (el?.textContent) seen.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, testId);
  return () =>
    page.evaluate((id) => (window as unknown as Record<string, string[]>)[`seen-${id}`]!, testId);
}

test('the 2,000-session stress selftest (8,009 steps) opens in slices and lists a window', async ({
  work,
  luo,
  views,
  page,
}) => {
  const text = readFileSync('vectors/selftests/v7.3/luo_stress_sessions-kexec.json', 'utf8');
  await luo.open();
  await openMenu(page, 'share-menu');
  // Past 2,000 steps the replay runs in slices and says how far it got: record what it says.
  const seen = await recordTexts(page, 'replaying');
  await work.importFile('luo_stress_sessions-kexec.json', text);
  await expect(page.getByRole('heading', { name: 'Log (8009)' })).toBeVisible();
  expect((await seen()).some((t) => /^Replaying 8,009 steps: [\d,]+ of 8,009 done/.test(t))).toBe(
    true,
  );
  await expect(page.getByTestId('replaying')).toHaveCount(0);
  await expect(page.getByTestId('kernel')).toHaveValue('v7.3');
  await expect(luo.log.last()).toHaveAttribute('data-result', 'ok');
  // The log lists the last 200 steps and says so; so does the step list, around the position.
  await expect(luo.log).toHaveCount(200);
  await expect(page.getByTestId('log-window')).toContainText('Steps 1 to 7,809 are not listed');
  await expect(page.getByTestId('history-step')).toHaveCount(200);
  await expect(page.getByTestId('history-window')).toContainText('7,809 earlier steps');
  await expect(page.getByTestId('history-step').last()).toHaveAttribute('data-position', '8009');
  // Home goes to the start: the list follows the position.
  await page.getByTestId('history-step').last().focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('history-step').first()).toHaveAttribute('data-position', '0');
  await expect(luo.log).toHaveCount(0);
  await page.keyboard.press('End');
  // The timeline draws up to 2,000 steps, and says why it draws none here.
  await expect(page.getByTestId('timeline-too-long')).toContainText('this one has 8,009');
  // The compare view replays each column in slices too, saying how far it got; then its
  // table lists the last 200 steps, and says how many it leaves out.
  await page.getByTestId('share-menu').click();
  await expect(page.getByTestId('share-menu')).toHaveAttribute('aria-expanded', 'false');
  const compareSeen = await recordTexts(page, 'compare-replaying');
  await views.show('compare');
  await expect(views.rows).toHaveCount(200);
  const progress = /^Replaying 8,009 steps under Variant [A-D] for the comparison: [\d,]+ of 8,009/;
  expect((await compareSeen()).some((t) => progress.test(t))).toBe(true);
  await expect(page.getByTestId('compare-replaying')).toHaveCount(0);
  await expect(page.getByTestId('compare-window')).toContainText('7,809 earlier steps not listed');
  await expect(views.rows.last()).toHaveAttribute('data-step', '8009');
});

test('compare 2026-06 A with posted-2026-09 C: the same clicks, side by side', async ({
  luo,
  views,
  page,
}) => {
  await luo.open('seed', 'A');
  // gmem first: the June patch refuses it (preserve-time lookup), the posted code takes it.
  await luo.click('gmem', [
    ['createSession', 'ok'],
    ['preserve', 'ENOENT'],
  ]);
  await luo.click('vm', [['preserve', 'ok']]);
  await views.show('compare');
  await page.getByTestId('compare-add-tree').selectOption('posted-2026-09');
  await page.getByTestId('compare-add-variant').selectOption('C');
  await page.getByTestId('compare-add').click();
  await views.compareOnly('A', 'posted-2026-09:C');
  await expect(views.column('posted-2026-09:C')).toContainText('Variant C · posted-2026-09');
  await expect(views.firstDifference).toHaveAttribute('data-step', '2');
  await expect(views.cell(2, 'A')).toHaveAttribute('data-result', 'ENOENT');
  await expect(views.cell(2, 'posted-2026-09:C')).toHaveAttribute('data-result', 'ok');
});
