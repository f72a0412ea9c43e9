// End-to-end: the real server (built pages, lowdb files in a fresh dir, its own port)
// driven through Debian's Chromium. `npm run test:e2e` builds the pages first.
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3917);
export const E2E_PASSWORD = 'e2e-secret';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // one hall: tests share its queue, so they run in order
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf e2e/.data/${E2E_PORT} && PORT=${E2E_PORT} DATA_DIR=e2e/.data/${E2E_PORT} DEMO_PASSWORD=${E2E_PASSWORD} npx tsx server/main.ts`,
    url: `http://localhost:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
