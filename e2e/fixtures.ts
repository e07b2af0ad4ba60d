/**
 * Test fixtures: the page object, and a guard on every test that fails it on a console error,
 * an uncaught page error, a Content-Security-Policy violation, or any request that leaves the
 * page's own origin.
 */
import { test as base, expect } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { KernelRunPage } from './pages/KernelRunPage';
import { LuoPage } from './pages/LuoPage';
import { TourPage } from './pages/TourPage';
import { WorkPage } from './pages/WorkPage';

interface Fixtures {
  luo: LuoPage;
  tour: TourPage;
  work: WorkPage;
  views: ExplorerPage;
  kernel: KernelRunPage;
  guard: void;
  /** The CSP violations seen so far (`directive blocked-uri`); a test that provokes one drains it. */
  csp: string[];
}

export const test = base.extend<Fixtures>({
  csp: async ({ page }, use) => {
    const violations: string[] = [];
    // Bindings and init scripts are installed by the browser, outside the page's policy.
    await page.exposeFunction('__luoscopeCsp', (v: string) => void violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __luoscopeCsp: (v: string) => void }).__luoscopeCsp;
        report(`${e.effectiveDirective} ${e.blockedURI}`);
      });
    });
    await use(violations);
  },
  guard: [
    async ({ page, baseURL, csp }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on('console', (m) => {
        // A policy violation is counted once, by the `csp` fixture's event listener.
        if (m.type() === 'error' && !m.text().includes('Content Security Policy')) {
          problems.push(`console error: ${m.text()}`);
        }
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
      });
      await use();
      expect(problems).toEqual([]);
      expect(csp, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  luo: async ({ page }, use) => {
    await use(new LuoPage(page));
  },
  tour: async ({ page }, use) => {
    await use(new TourPage(page));
  },
  work: async ({ page }, use) => {
    await use(new WorkPage(page));
  },
  views: async ({ page }, use) => {
    await use(new ExplorerPage(page));
  },
  kernel: async ({ page }, use) => {
    await use(new KernelRunPage(page));
  },
});

export { expect };
