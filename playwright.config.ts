import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real UI in Debian's Chromium through the web host (the Electron binary cannot be
 * downloaded here, and `npx playwright install` cannot fetch a browser). CHROMIUM_PATH overrides the path.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    locale: 'vi-VN',
    viewport: { width: 1366, height: 800 },
    screenshot: 'only-on-failure',
  },
  outputDir: 'test-results/e2e-artifacts',
});
