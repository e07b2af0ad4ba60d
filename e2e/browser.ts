/** How the tests and the benchmark start Chromium: Debian's when installed, else Playwright's. */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const launchOptions: LaunchOptions = {
  headless: true,
  ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** The port of `vite preview` (4173 as in vite.config.ts; LUOSCOPE_PORT moves it). */
export const PREVIEW_PORT = Number(process.env.LUOSCOPE_PORT ?? 4173);

/** `vite preview`: the built dist, as a static host serves it. */
export const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;
