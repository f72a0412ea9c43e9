// End-to-end: the real app (built pages, lowdb files in a fresh dir) driven through
// Debian's Chromium. `npm run test:e2e` builds the pages first. There is no webServer:
// each spec file gets its own hall on its worker's port (e2e/helpers.ts), so the
// workers run side by side and no spec sees another's tickets.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The tests of one file run in order on one worker (they share its hall); files
  // spread over the workers. Two suit a 2-core machine: Chromium and the hall share it.
  fullyParallel: false,
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
