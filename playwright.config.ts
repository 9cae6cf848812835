import { defineConfig } from '@playwright/test';
// @ts-ignore - plain ES module shared with scripts/ensure-browser.mjs
import { DISABLE_FEATURES_ARG, findChromium, findTestChromium } from './tests/e2e/chromium.mjs';

/** Chromium's headless shell for most tests; the whole browser for those tagged @whole-browser (see chromium.mjs). */
const shell = findTestChromium();
const whole = findChromium();
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  DISABLE_FEATURES_ARG,
];
// E2E_PORT and E2E_DIST let several runs share a machine, each with its own build and server.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A limit, not a wait: the suite saturates both cores of a 2-core machine (vmstat: 0 % idle with 2 workers, and
  // 1 worker takes as long), so the richest tests (axe over the lesson, a language change, a reload) took 27-30 s
  // idle in December 2026, and twice that with another process on one core. Their waits are on states and events.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
  },
  // The whole-browser project first: listed last, its one test ran alone at the end of the run, one core idle.
  projects: [
    {
      name: 'whole-browser',
      grep: /@whole-browser/,
      // Playwright's own whole Chromium is its `chromium` channel (new headless mode).
      use: whole.bundled ? { channel: 'chromium', launchOptions: { args } } : { launchOptions: { executablePath: whole.path, args } },
    },
    {
      name: 'headless-shell',
      grepInvert: /@whole-browser/,
      // The system Chromium needs an explicit path; Playwright's own headless shell is found without one.
      use: { launchOptions: { executablePath: shell.bundled ? undefined : shell.path, args } },
    },
  ],
  webServer: [
    {
      // Tests run against the production build (npm run test:e2e builds first).
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Host pages on two other origins (ports PORT+1 and PORT+2) for the embedding tests (tests/fixtures/embed).
      command: `node tests/e2e/host-server.mjs`,
      url: `http://127.0.0.1:${PORT + 1}/health`,
      env: { E2E_PORT: String(PORT) },
      reuseExistingServer: !process.env.CI,
      timeout: 10_000,
    },
  ],
});
