/**
 * Click-to-paint latency of the graph with 128 memfds (LUO_FILE_MAX), and the size of the
 * production JS. Run after a build: `npm run bench:ui` (= npm run build && tsx bench/ui-click.ts).
 *
 * It serves dist/ with `vite preview`, opens `?scenario=bench-128` (a generated scenario, not in
 * the picker) in headless Chromium and clicks 50 nodes with real input events. Inside the page,
 * for each click: t0 = the click event's timeStamp; "DOM" = when the node's data-state changed
 * (React has committed); "frame" = the next requestAnimationFrame after that, i.e. the frame
 * that paints it. Prints median and p95 of both. A benchmark: it prints, it does not judge.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, expect } from '@playwright/test';
import { PREVIEW_URL, launchOptions } from '../e2e/browser';
import { startPreview } from '../e2e/preview';

const CLICKS = 50;
const DIST = `${process.env.LUOSCOPE_DIST ?? 'dist'}/assets`;

interface Sample {
  /** From the click event's timeStamp to its first listener (input delivery). */
  input: number;
  dom: number;
  frame: number;
}
declare global {
  interface Window {
    __latency: Sample[];
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The JS chunks `dist/index.html` loads at startup (its script and modulepreload links). */
function startupFiles(): string[] {
  const html = readFileSync(join(DIST, '..', 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
}

function bundleSize(files: string[]): { raw: number; gzip: number; files: string[] } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(join(DIST, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

async function measure(): Promise<Sample[]> {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${PREVIEW_URL}?scenario=bench-128&variant=A`);
    await expect(page.locator('[data-testid^="node-m"]')).toHaveCount(128);
    await page.evaluate(() => {
      window.__latency = [];
      // Capture phase on document: runs before React's listener on the root.
      document.addEventListener(
        'click',
        (e) => {
          const node = (e.target as Element).closest('[data-testid^="node-"]');
          if (!node) return;
          const t0 = e.timeStamp;
          const input = performance.now() - t0;
          const before = node.getAttribute('data-state');
          const observer = new MutationObserver(() => {
            if (node.getAttribute('data-state') === before) return;
            observer.disconnect();
            const dom = performance.now() - t0;
            requestAnimationFrame(() => {
              window.__latency.push({ input, dom, frame: performance.now() - t0 });
            });
          });
          observer.observe(node, { attributes: true, attributeFilter: ['data-state'] });
        },
        { capture: true },
      );
    });
    for (let i = 0; i < CLICKS; i++) {
      const node = page.getByTestId(`node-m${i}`);
      await node.click();
      await expect(node).toHaveAttribute('data-state', 'preserved');
      await page.waitForFunction((n) => window.__latency.length === n, i + 1);
    }
    return await page.evaluate(() => window.__latency);
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!existsSync(DIST)) throw new Error('no dist/: run `npm run build` first');
  const stop = await startPreview();
  try {
    const samples = await measure();
    const dom = samples.map((s) => s.dom);
    const frame = samples.map((s) => s.frame);
    const input = samples.map((s) => s.input);
    const fmt = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`ui-click: ${samples.length} clicks on a 128-memfd graph, ${cpus().length} CPUs`);
    console.log(
      `  of which input delivery: median ${fmt(percentile(input, 50))}, p95 ${fmt(percentile(input, 95))}`,
    );
    console.log(
      `  click -> DOM updated:   median ${fmt(percentile(dom, 50))}, p95 ${fmt(percentile(dom, 95))}`,
    );
    console.log(
      `  click -> next frame:    median ${fmt(percentile(frame, 50))}, p95 ${fmt(percentile(frame, 95))}`,
    );
  } finally {
    stop();
  }
  const all = bundleSize(readdirSync(DIST).filter((f) => f.endsWith('.js')));
  const startup = bundleSize(startupFiles());
  console.log(
    `  production JS loaded at startup (${startup.files.join(', ')}): ` +
      `${(startup.raw / 1024).toFixed(1)} KiB, gzip -9 ${(startup.gzip / 1024).toFixed(1)} KiB`,
  );
  const timeline = bundleSize(readdirSync(DIST).filter((f) => /^timeline.*\.js$/i.test(f)));
  console.log(
    `  the timeline, loaded on first use (${timeline.files.join(', ')}): ` +
      `${(timeline.raw / 1024).toFixed(1)} KiB, gzip -9 ${(timeline.gzip / 1024).toFixed(1)} KiB`,
  );
  console.log(
    `  all production JS incl. lazy panels and the worker (${all.files.length} files): ` +
      `${(all.raw / 1024).toFixed(1)} KiB, gzip -9 ${(all.gzip / 1024).toFixed(1)} KiB`,
  );
}

await main();
