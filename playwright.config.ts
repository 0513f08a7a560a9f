// End-to-end tests in Debian's Chromium (Playwright cannot download its own here), through the
// browser mode. Each test file starts its own harness on a fresh database.
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './test/harness/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  // The tests need the renderer built with its test hooks (npm run build:test).
  globalSetup: './test/harness/test-build.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
  },
});
