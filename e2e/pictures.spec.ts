/** Pictures: each view exported as a standalone SVG (opened in Chromium, labels found) and PNG. */
import { expect, test } from './fixtures';
import type { LuoPage } from './pages/LuoPage';
import { PicturePage } from './pages/PicturePage';

async function threadExample(luo: LuoPage) {
  await luo.open('seed', 'A');
  await luo.threadExample();
}

test('the graph, the timeline and the compare view as SVG, light and dark', async ({
  luo,
  views,
  page,
}) => {
  const pic = new PicturePage(page);
  await threadExample(luo);
  const graph = await pic.download('graph', 'svg', 'dark');
  expect(graph.name).toBe('luoscope-seed-A-step7.graph.svg');
  const text = graph.bytes.toString('utf8');
  expect(text).not.toMatch(/prefers-color-scheme|url\(http/);
  const g = await pic.openSvg(graph.path);
  await expect(g.locator('svg.luoscope-picture')).toHaveAttribute('data-scheme', 'dark');
  for (const label of ['gmem', 'vm', 'orphan', 'finished'])
    await expect(g.locator('text', { hasText: label }).first()).toBeVisible();
  await expect(g.getByText(/variant A · step 7 of 7 · luoscope \d+\.\d+\.\d+/)).toBeVisible();
  await expect(g.getByText(/#trace=1\./)).toBeVisible();
  // Dark colours are in the picture itself, not taken from the viewer's scheme.
  const bg = await g.locator('rect.pic-bg').evaluate((r) => getComputedStyle(r).fill);
  expect(bg).toBe('rgb(30, 32, 38)');
  await g.close();

  const timeline = await pic.download('timeline', 'svg');
  const t = await pic.openSvg(timeline.path);
  for (const label of ['session "vmm"', 'gmem', 'kexec: boot 1', 'orphan', 'boot 1'])
    await expect(t.locator('text', { hasText: label }).first()).toBeVisible();
  const light = await t.locator('rect.pic-bg').evaluate((r) => getComputedStyle(r).fill);
  expect(light).toBe('rgb(255, 255, 255)');
  await t.close();

  await views.show('compare');
  const compare = await pic.download('compare', 'svg');
  const c = await pic.openSvg(compare.path);
  for (const label of ['Variant A', 'Variant B', 'Variant D', 'First difference', 'EAGAIN'])
    await expect(c.locator('text', { hasText: label }).first()).toBeVisible();
  // Each variant's timeline is in it, with the first difference marked.
  await expect(c.locator('.tl-diff')).toHaveCount(4);
  await c.close();
});

test("the explorer's chart and table as SVG, and a PNG twice the SVG's size", async ({
  views,
  page,
}) => {
  const pic = new PicturePage(page);
  await page.goto('./?scenario=seed&view=explore');
  await views.run();
  const table = await pic.download('explore', 'svg');
  const t = await pic.openSvg(table.path);
  await expect(t.locator('text', { hasText: 'silent' }).first()).toBeVisible();
  // The chart's bars (the variant's letter) and its legend of exact shares are in it too.
  await expect(t.locator('svg svg text', { hasText: /^A$/ }).first()).toBeVisible();
  await expect(t.locator('text', { hasText: /%/ }).first()).toBeVisible();
  const width = Number(await t.locator('svg.luoscope-picture').getAttribute('width'));
  await t.close();
  const png = await pic.download('explore', 'png');
  expect(png.name).toMatch(/\.explore\.png$/);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.readUInt32BE(16)).toBe(width * 2);
});

test('a picture of a view that is not open says so and keeps the page as it was', async ({
  luo,
  page,
}) => {
  const pic = new PicturePage(page);
  await luo.open('seed', 'A');
  await pic.page.getByTestId('picture-menu').click();
  await page.getByTestId('picture-of').selectOption('compare');
  await page.getByTestId('picture-svg').click();
  await expect(page.getByTestId('notice')).toContainText('Open the Compare view');
});
