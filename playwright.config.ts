import { defineConfig, devices } from '@playwright/test';
import { PREVIEW_URL, launchOptions } from './e2e/browser';

// Runs against the production build: `npm test` builds first (npm run build && npm run test:e2e).
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
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
    command: 'npx vite preview',
    url: PREVIEW_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
