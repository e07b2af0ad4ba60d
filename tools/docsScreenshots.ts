/**
 * The screenshots of the user guide (docs/images/*.png), made from the built site so that
 * anyone can remake them: `npm run docs:screenshots` (it builds first). It serves the build
 * with `vite preview` on LUOSCOPE_PORT (default 4173) and drives Chromium with the e2e
 * page objects, in light mode, at 1400x900.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { preview } from 'vite';
import { PREVIEW_PORT, PREVIEW_URL, launchOptions } from '../e2e/browser';
import { ExplorerPage } from '../e2e/pages/ExplorerPage';
import { LuoPage } from '../e2e/pages/LuoPage';
import { WorkPage } from '../e2e/pages/WorkPage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'images');

/** Each shot: a name and what to do before it is taken. */
const SHOTS: [string, (page: Page) => Promise<void>][] = [
  [
    'page-orphan',
    async (page) => {
      const luo = new LuoPage(page);
      await luo.open('seed', 'A');
      await luo.threadExample();
      await luo.expectOrphans(1);
    },
  ],
  [
    'compare',
    async (page) => {
      const luo = new LuoPage(page);
      await luo.open('seed', 'A');
      await luo.threadExample();
      await new ExplorerPage(page).show('compare');
    },
  ],
  [
    'explore',
    async (page) => {
      await new LuoPage(page).open('seed', 'A');
      const views = new ExplorerPage(page);
      await views.show('explore');
      await views.run();
    },
  ],
  [
    'mail',
    async (page) => {
      const luo = new LuoPage(page);
      await luo.open('seed', 'B');
      await luo.preserveFirst('vm');
      await luo.click('gmem', [['preserve', 'ok']]);
      await luo.kexec();
      await luo.click('gmem', [
        ['retrieveSession', 'ok'],
        ['retrieve', 'EAGAIN'],
      ]);
      await new WorkPage(page).mailExport();
    },
  ],
  [
    'recent',
    async (page) => {
      const luo = new LuoPage(page);
      await luo.open('vm-full', 'C');
      await luo.preserveFirst('ram');
      await luo.click('iommu', [['preserve', 'ok']]);
      await page.waitForFunction(() =>
        Object.keys(localStorage).some((k) => localStorage.getItem(k)?.includes('"iommu"')),
      );
      const other = await page.context().newPage();
      await other.setViewportSize({ width: 1400, height: 900 });
      await other.goto(PREVIEW_URL);
      await other.getByTestId('recent').waitFor();
      await page.bringToFront();
      await page.close();
    },
  ],
];

const server = await preview({ preview: { port: PREVIEW_PORT, strictPort: true } });
const browser = await chromium.launch(launchOptions);
mkdirSync(OUT, { recursive: true });
try {
  for (const [name, act] of SHOTS) {
    const context = await browser.newContext({
      baseURL: PREVIEW_URL,
      viewport: { width: 1400, height: 900 },
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await act(page);
    const shown = context.pages().at(-1)!;
    await shown.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/images/${name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
