/**
 * Test fixtures: the page object, and a guard on every test that fails it on a console error,
 * an uncaught page error, or any request that leaves the page's own origin.
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
}

export const test = base.extend<Fixtures>({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
      });
      await use();
      expect(problems).toEqual([]);
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
