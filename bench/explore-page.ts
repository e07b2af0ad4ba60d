/**
 * The explorer in the page (issue 14): explores `vm-64`, then `vms-128`, under the four variants in the
 * page's Web Worker, in headless Chromium, and prints the wall time and the longest
 * main-thread task (PerformanceObserver "longtask", which reports every task over 50 ms) seen
 * while it ran. Run after a build (`npm run build`; LUOSCOPE_DIST and LUOSCOPE_PORT as for
 * the Playwright suite): `npx tsx bench/explore-page.ts`. It prints; it does not judge.
 */
import { spawn } from 'node:child_process';
import { chromium, expect } from '@playwright/test';
import { PREVIEW_PORT, PREVIEW_URL, launchOptions } from '../e2e/browser';

async function reachable(): Promise<boolean> {
  try {
    return (await fetch(PREVIEW_URL)).ok;
  } catch {
    return false;
  }
}

const args = ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PREVIEW_PORT)];
const server = (await reachable()) ? null : spawn(process.execPath, args, { stdio: 'ignore' });
for (let i = 0; i < 100 && !(await reachable()); i++) await new Promise((r) => setTimeout(r, 100));

const browser = await chromium.launch(launchOptions);
try {
  for (const id of ['vm-64', 'vms-128']) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${PREVIEW_URL}?scenario=${id}&variant=A&view=explore`);
    await expect(page.getByTestId('explore-run')).toBeEnabled();
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.getByTestId('explore-run').click();
    await expect(page.getByTestId('explorer')).toHaveAttribute('data-status', 'done', {
      timeout: 300_000,
    });
    const wall = Date.now() - t0;
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    console.log(`${id} in the page's worker, four variants: ${wall} ms from click to done`);
    console.log(
      `  main-thread tasks over 50 ms while exploring: ${long.length}` +
        (long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server?.kill('SIGTERM');
}
