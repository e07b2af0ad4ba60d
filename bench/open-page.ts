/**
 * Opening a large document in the page (issue "kernel trees", item 5): the kernel's two
 * stress selftests, and 100,000-step documents in both shapes of bench/docs.ts, each opened
 * through "Open trace file" in headless Chromium. For each it prints the time from the file
 * picked to the log showing its last step, and the longest main-thread task in that time
 * (PerformanceObserver "longtask": tasks over 50 ms; the aim is none over 200 ms), over three
 * runs each (the median, and every run's figure: a loaded machine moves them); then the same
 * for switching to the compare view, which replays the history under four variants.
 * Run by `npm run bench:open` (after a build); it prints, it does not judge.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { PREVIEW_URL, launchOptions } from '../e2e/browser';
import { startPreview } from '../e2e/preview';
import { filesDoc, sessionsDoc } from './docs';

declare global {
  interface Window {
    __tasks: number[];
  }
}

const DOCS: [string, () => string][] = [
  ['luo_stress_files (500 memfds)', () => selftest('luo_stress_files-kexec.json')],
  ['luo_stress_sessions (2,000 sessions)', () => selftest('luo_stress_sessions-kexec.json')],
  ['sessions shape, 100,000 steps', () => sessionsDoc(100_000)],
  ['files shape, 100,000 steps (4,096 memfds)', () => filesDoc(100_000)],
];

function selftest(name: string): string {
  return readFileSync(`vectors/selftests/v7.3/${name}`, 'utf8');
}

const RUNS = 3;

/** Opens the file once in a fresh page: time to the last log entry, and the long tasks. */
async function open(browser: Browser, file: string, steps: number) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(PREVIEW_URL);
  await page.getByTestId('share-menu').click();
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  // A path, not a buffer: the file reaches the page as a user's pick does, without
  // Playwright decoding megabytes in the page's own thread.
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByRole('heading', { name: `Log (${steps})` }).waitFor({ timeout: 300_000 });
  // Let the frame after the last update be painted and its task observed.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const ms = Date.now() - t0;
  const tasks = await page.evaluate(() => window.__tasks);
  // Then the compare view, which replays the history under four variants (in slices).
  const t1 = Date.now();
  await page.getByTestId('share-menu').click();
  await page.evaluate(() => (window.__tasks = []));
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('compare-row').last().waitFor({ timeout: 300_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const compareMs = Date.now() - t1;
  const compareTasks = await page.evaluate(() => window.__tasks);
  await page.close();
  return {
    ms,
    longest: tasks.length ? Math.max(...tasks) : 0,
    over: tasks.filter((t) => t > 200).length,
    compareMs,
    compareLongest: compareTasks.length ? Math.max(...compareTasks) : 0,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'luoscope-open-'));
  const stop = await startPreview();
  const browser = await chromium.launch(launchOptions);
  console.log(`open-page: a document picked in "Open trace file", ${cpus().length} CPUs`);
  try {
    for (const [what, make] of DOCS) {
      const text = make();
      const file = join(dir, 'big.json');
      writeFileSync(file, text);
      const steps = (JSON.parse(text) as { steps: unknown[] }).steps.length;
      const runs: Awaited<ReturnType<typeof open>>[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await open(browser, file, steps));
      const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      console.log(
        `  ${what}: ${steps.toLocaleString('en-US')} steps, ${(text.length / 1024).toFixed(0)} KiB, ${RUNS} runs: ` +
          `open median ${mid(runs.map((r) => r.ms))} ms; longest task median ${mid(runs.map((r) => r.longest)).toFixed(0)} ms ` +
          `(each run: ${runs.map((r) => r.longest.toFixed(0)).join(', ')} ms); tasks over 200 ms per run: ${runs.map((r) => r.over).join(', ')}`,
      );
      console.log(
        `    then the compare view (four variants): median ${mid(runs.map((r) => r.compareMs))} ms; ` +
          `longest task median ${mid(runs.map((r) => r.compareLongest)).toFixed(0)} ms ` +
          `(each run: ${runs.map((r) => r.compareLongest.toFixed(0)).join(', ')} ms)`,
      );
    }
  } finally {
    await browser.close();
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
