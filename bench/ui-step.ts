/**
 * Step-change latency with the timeline shown: 128 memfds and a 300-step history (preserve
 * all, 40 `set`s, kexec, retrieve all, FINISH), opened from a share link. In headless Chromium
 * the focused timeline takes ArrowLeft/ArrowRight presses; for each: t0 = the key event's
 * timeStamp, "DOM" = when the chart's aria-valuenow changed (React committed), "frame" = the
 * next requestAnimationFrame after that. Twice: the Timeline tab alone, and the graph view
 * (128 nodes) with the strip under it. Run by `npm run bench:ui`; it prints, it does not judge.
 */
import { cpus } from 'node:os';
import { chromium, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PREVIEW_URL, launchOptions } from '../e2e/browser';
import { startPreview } from '../e2e/preview';
import type { FileId, Step } from '../src/engine';
import { memfdLiveUpdate, memfdScenario } from '../src/scenarios';
import { createAppStore, currentTrace } from '../src/store';
import { shareUrl } from '../src/trace/link';

const PRESSES = 60;
const FILES = 128;

function history(): Step[] {
  const sets = Array.from({ length: 40 }, (_, i): Step => ({
    op: 'set',
    file: `m${i}` as FileId,
    prop: 'sealed',
    value: i % 2 === 0,
  }));
  return memfdLiveUpdate(FILES, sets);
}

interface Sample {
  dom: number;
  frame: number;
}
declare global {
  interface Window {
    __steps: Sample[];
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(page: Page, testId: string): Promise<Sample[]> {
  const chart = page.getByTestId(testId).first();
  await chart.focus();
  await page.evaluate((id) => {
    window.__steps = [];
    const el = document.querySelector(`[data-testid="${id}"]`)!;
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        const before = el.getAttribute('aria-valuenow');
        const observer = new MutationObserver(() => {
          if (el.getAttribute('aria-valuenow') === before) return;
          observer.disconnect();
          const dom = performance.now() - t0;
          requestAnimationFrame(() => window.__steps.push({ dom, frame: performance.now() - t0 }));
        });
        observer.observe(el, { attributes: true, attributeFilter: ['aria-valuenow'] });
      },
      { capture: true },
    );
  }, testId);
  for (let i = 0; i < PRESSES; i++) {
    const key = i < PRESSES / 2 ? 'ArrowLeft' : 'ArrowRight';
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__steps.length === n, i + 1);
  }
  return page.evaluate(() => window.__steps);
}

function report(what: string, samples: Sample[]) {
  const fmt = (n: number) => `${n.toFixed(1)} ms`;
  const dom = samples.map((s) => s.dom);
  const frame = samples.map((s) => s.frame);
  console.log(`  ${what}: ${samples.length} step changes`);
  console.log(
    `    key -> DOM updated: median ${fmt(percentile(dom, 50))}, p95 ${fmt(percentile(dom, 95))}`,
  );
  console.log(
    `    key -> next frame:  median ${fmt(percentile(frame, 50))}, p95 ${fmt(percentile(frame, 95))}`,
  );
}

async function main() {
  const store = createAppStore({ scenario: memfdScenario(FILES), actions: history() });
  const link = shareUrl(PREVIEW_URL, currentTrace(store.getState()));
  const steps = store.getState().actions.length;
  const stop = await startPreview();
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${PREVIEW_URL}?view=timeline`);
    await page.goto(link);
    await page.getByTestId('tab-timeline').click();
    const chart = page.getByTestId('timeline-view').getByTestId('timeline');
    await expect(chart).toHaveAttribute('aria-valuenow', String(steps));
    console.log(`ui-step: ${FILES} files, ${steps} steps, ${cpus().length} CPUs`);
    report('Timeline tab', await measure(page, 'timeline'));
    await page.getByTestId('tab-graph').click();
    await expect(page.locator('[data-testid^="node-m"]')).toHaveCount(FILES);
    await expect(page.getByTestId('timeline-strip')).toBeVisible();
    report('graph view (128 nodes) with the timeline strip', await measure(page, 'timeline-strip'));
  } finally {
    await browser.close();
    stop();
  }
}

await main();
