import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real back end, which serves the built web/dist
 * (run `npm run build` first). Override the server with MUNGMO_E2E_SERVER_CMD
 * (run from the repository root) and the browser with PLAYWRIGHT_CHROMIUM_EXECUTABLE.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.MUNGMO_E2E_PORT ?? 8765);
const baseURL = `http://127.0.0.1:${port}`;

// One fresh data directory per run; workers inherit it through the environment.
process.env.MUNGMO_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'mungmo-e2e-'));
const dataDir = process.env.MUNGMO_E2E_DATA_DIR;

// A second server runs a copy of the repository with no ../shared beside it, as a new
// user who cloned it has (scripts/serve-fresh-copy.py); fresh-clone.spec.ts uses it.
const freshPort = Number(process.env.MUNGMO_E2E_FRESH_PORT ?? port + 1);
const freshURL = `http://127.0.0.1:${freshPort}`;
const freshServerCommand = `${join(repoRoot, '.venv', 'bin', 'python')} scripts/serve-fresh-copy.py --port ${freshPort}`;

const serverCommand =
  process.env.MUNGMO_E2E_SERVER_CMD ??
  `${join(repoRoot, '.venv', 'bin', 'python')} -m mungmo.cli run --host 127.0.0.1 --port ${port} --data-dir ${dataDir} --no-build`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'phone-chromium', testIgnore: /fresh-clone\.spec\.ts/ },
    { name: 'fresh-clone', testMatch: /fresh-clone\.spec\.ts/, use: { baseURL: freshURL } },
  ],
  webServer: [
    {
      command: serverCommand,
      cwd: repoRoot,
      url: `${baseURL}/health`,
      // 인기글 recomputed every 2 s instead of 5 min, so boards.spec.ts sees a post rise;
      // a 45-second meetup window beside the usual ones, so meetups.spec.ts sees a
      // window end (and its no-show job) without waiting half an hour.
      env: {
        MUNGMO_BOARD_POPULARITY_REFRESH_SECONDS: '2',
        MUNGMO_MEETUP_DURATIONS_MINUTES: '[0.75,30,60,90,120,180]',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: freshServerCommand,
      cwd: repoRoot,
      url: `${freshURL}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
