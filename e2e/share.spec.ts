/** Share links, import and export: what leaves the page opens again, bad input keeps the work. */
import AxeBuilder from '@axe-core/playwright';
import { BAD_INPUTS, HTML_TRACE } from '../src/trace/badInputs';
import { vmFullWalkthrough } from '../src/trace/fixtures';
import { encodeLink } from '../src/trace/link';
import { parseTrace } from '../src/trace/parse';
import { replayTrace } from '../src/trace/replay';
import { serializeTrace } from '../src/trace/serialize';
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';

/** Some work to keep: seed under B, the thread's example with its EAGAIN (6 steps). */
async function someWork(luo: LuoPage) {
  await luo.open('seed', 'B');
  await luo.preserveFirst('vm');
  await luo.click('gmem', [['preserve', 'ok']]);
  await luo.kexec();
  await luo.click('gmem', [
    ['retrieveSession', 'ok'],
    ['retrieve', 'EAGAIN'],
  ]);
}

test('a link opens the trace at its last step, then the address names the work', async ({
  luo,
  work,
  page,
}) => {
  const doc = vmFullWalkthrough();
  const result = replayTrace(doc);
  await work.openLink(encodeLink(doc));
  await work.expectAt(30, 30);
  await expect(luo.log).toHaveCount(30);
  for (const [i, step] of result.steps.entries()) {
    await expect(luo.log.nth(i)).toHaveAttribute('data-result', step.result);
  }
  await luo.expectState('nic', 'finished');
  await expect(page.getByTestId('scenario')).toContainText(doc.title!);
  await work.expectNoLinkInAddress();
  // A reload restores it from the autosave (no link in the address any more).
  await work.jump(12);
  await page.reload();
  await work.expectAt(12, 30);
  await luo.expectState('nic', 'preserved');
});

test('the share button makes a link of the steps up to the one shown', async ({
  luo,
  work,
  page,
}) => {
  await someWork(luo);
  await work.jump(4);
  await expect(page.getByTestId('share-scope')).toContainText('steps 1 to 4 of 6');
  const url = await work.share();
  await expect(page.getByTestId('share-status')).toBeVisible();
  await expect(luo.announcer).toContainText(`(${url.length} characters)`);
  // Other work, then the link: it opens the four steps at the last one.
  await page.getByTestId('scenario').selectOption('cycle');
  await page.goto(url);
  await work.expectAt(4, 4);
  await expect(luo.variant).toHaveValue('B');
  await luo.expectState('gmem', 'incoming');
});

const LINK_CASES = [
  'link version 2',
  'link version 0',
  'truncated link',
  'standard base64 (+)',
  'HTML in a link',
  'corrupt: invalid block type',
  'script as a file id inside a link',
];

test('a bad link shows what is wrong and keeps the work, also in storage', async ({
  luo,
  work,
}) => {
  const cases = BAD_INPUTS.filter((b) => b.kind === 'link' && LINK_CASES.includes(b.name));
  expect(cases.map((c) => c.name)).toEqual(LINK_CASES);
  await someWork(luo);
  await expect.poll(() => work.saved()).toContain('EAGAIN');
  const saved = await work.saved();
  for (const [i, bad] of cases.entries()) {
    // Half on a fresh load (the start-up path), half pasted into the open page (hashchange).
    if (i % 2 === 0) await work.openLink(bad.input);
    else await work.pasteLink(bad.input);
    await expect(work.notice).toContainText(`This share link cannot be opened: ${bad.error}`);
    await expect(work.notice).toContainText('The work that was open stays open.');
    await work.expectNoLinkInAddress();
    await work.expectAt(6, 6);
    await luo.expectState('gmem', 'incoming');
    expect(await work.saved()).toBe(saved);
  }
});

test('a bad file names the JSON path and keeps the work; a good one opens', async ({
  luo,
  work,
  page,
}) => {
  await someWork(luo);
  const bad = BAD_INPUTS.find((b) => b.name === 'token not an integer')!;
  await work.importFile('bad.json', bad.input);
  await expect(work.notice).toContainText(`Could not open "bad.json": ${bad.error}`);
  await expect(work.notice).toContainText(/steps\[\d+\]\.token/);
  await work.expectAt(6, 6);

  // Titles and names from a file are text, never HTML.
  let dialogs = 0;
  page.on('dialog', () => dialogs++);
  await work.importFile('<b>html</b>.json', JSON.stringify(HTML_TRACE));
  await work.expectAt(2, 2);
  await expect(work.notice).toHaveCount(0);
  await expect(page.getByTestId('scenario')).toContainText('<script>alert(1)</script>');
  await expect(luo.log.first()).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main img, header script')).toHaveCount(0);
  expect(dialogs).toBe(0);

  // Drag and drop opens a file the same way.
  await work.dropFile('walk.json', serializeTrace(vmFullWalkthrough()));
  await work.expectAt(30, 30);
  await luo.expectState('nic', 'finished');
});

test('the mail text matches the log; the .json and .c downloads', async ({ luo, work, page }) => {
  await someWork(luo);
  await luo.finish('ok');
  const results = await luo.log.evaluateAll((els) => els.map((e) => e.dataset.result!));
  expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'EAGAIN', 'ok']);

  const text = await work.mailExport();
  const lines = text.trimEnd().split('\n');
  // Served from 127.0.0.1, the page has no address a reader could open: the payload instead.
  expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
  expect(lines.at(-2)).toBe(`Paste the next line into luoscope's "Open a link or payload" box:`);
  expect(lines.at(-1)).toMatch(/^1\.[A-Za-z0-9_-]+$/);
  for (const line of lines.slice(0, -1)) expect(line.length).toBeLessThanOrEqual(72);
  // Each step's result, in order: "<n>. <call> = 0" or "= -EAGAIN" (the call may wrap).
  const found = [...text.matchAll(/^ *(\d+)\. [^]*?\s=\s(0|-[A-Z]+)\b/gm)].map((m) => [
    Number(m[1]),
    m[2],
  ]);
  expect(found).toEqual(results.map((r, i) => [i + 1, r === 'ok' ? '0' : `-${r}`]));
  // The dialog, the history and the share bar: no serious or critical axe violation.
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await page.getByTestId('export-close').click();
  await expect(page.getByTestId('export-text')).toBeFocused();
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  const json = await work.download('export-json');
  expect(json.name).toBe('luoscope-seed-B-step7.json');
  const parsed = parseTrace(json.text);
  expect(parsed.ok && parsed.doc.steps.map((s) => s.expect)).toEqual(results);

  await work.undoButton.click();
  const c = await work.download('export-c');
  expect(c.name).toBe('luoscope-seed-B-step6.c');
  expect(c.text).toContain('/dev/liveupdate');
  expect(c.text).toMatch(/check\(6, "RETRIEVE_FD\(.*", ret, -EAGAIN\);/);
  expect(c.text).not.toContain('check(7,');
});

test('the payload of a mail, pasted into "Open a link or payload", opens its work', async ({
  luo,
  work,
  page,
}) => {
  await someWork(luo);
  const payload = (await work.mailExport()).trimEnd().split('\n').at(-1)!;
  await page.getByTestId('export-close').click();
  await luo.open('vm-full', 'C');
  await work.expectAt(0, 0);

  await work.openShareMenu();
  const input = page.getByLabel('Open a link or payload');
  await input.fill('1.not-a-payload!');
  await page.getByTestId('open-link-submit').click();
  await expect(page.getByTestId('open-link-error')).toContainText(
    'Cannot open it: link is not base64url: "!" at character 16.',
  );
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await work.expectAt(0, 0);

  await input.fill(payload);
  await input.press('Enter');
  await work.expectAt(6, 6);
  await expect(luo.variant).toHaveValue('B');
  await expect(page.getByTestId('open-link-error')).toHaveCount(0);
  await expect(input).toHaveValue('');
});
