// End-to-end: the real app (built pages, lowdb files in a fresh dir) driven through
// Debian's Chromium. `npm run test:e2e` builds the pages first. There is no webServer:
// each test gets its own hall on its worker's port (e2e/helpers.ts), so tests run side
// by side, in any order.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two workers suit a 2-core machine: each runs Chromium and the hall under test.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS) || 2,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
