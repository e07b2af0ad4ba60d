import { defineConfig, devices } from '@playwright/test';
import { PREVIEW_PORT, PREVIEW_URL, launchOptions } from './e2e/browser';

// Runs against the production build: `npm test` builds first (npm run build && npm run test:e2e).
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry in CI only: a loaded 2-core machine can stall a frame; locally a flake fails.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: PREVIEW_URL,
    launchOptions,
    viewport: { width: 1400, height: 1000 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${PREVIEW_PORT} --strictPort`,
    url: PREVIEW_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
