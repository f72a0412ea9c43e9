// Unit tests beside the code (shared/core, display, …) and integration tests in test/
// against the real server with real files. E2E lives in e2e/ under Playwright.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts', 'display/**/*.test.ts', 'kiosk/**/*.test.ts', 'clerk/**/*.test.ts', 'supervisor/**/*.test.ts', 'status/**/*.test.ts', 'pad/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts', 'center/**/*.test.ts', 'county/**/*.test.ts'],
    globalSetup: ['test/pgSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
