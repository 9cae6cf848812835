// Which Chromium the browser tests drive: $LESSON_PLAYER_CHROMIUM, then the system one, then Playwright's own.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const SYSTEM_SHELL_PATHS = ['/usr/bin/chromium-headless-shell'];

/** The whole browser: for the bench, and for the tests of what only it has (window.chrome, hence Google Cast). */
export function findChromium() {
  const fromEnv = process.env.LESSON_PLAYER_CHROMIUM;
  if (fromEnv) return { path: existsSync(fromEnv) ? fromEnv : undefined, source: 'LESSON_PLAYER_CHROMIUM' };
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  const bundled = chromium.executablePath();
  return { path: existsSync(bundled) ? bundled : undefined, source: "Playwright's", bundled: true };
}

/**
 * Chromium's headless shell (Debian's `chromium-headless-shell`, the same Chromium 156 without the browser's window
 * and profile machinery), which the browser tests use where it is installed, as Playwright does with its own
 * Chromium: 1.22-1.36 s of processor time to a ready lesson against 1.63-1.92 s for the whole browser (three runs of
 * six fresh contexts each), 0.38 s against 0.62 s for an empty page (3 December 2026, /proc); 590 s against 626 s for
 * the whole suite with one worker. Without it, or with $LESSON_PLAYER_CHROMIUM set, the tests use findChromium()'s.
 */
export function findTestChromium() {
  const shell = !process.env.LESSON_PLAYER_CHROMIUM && SYSTEM_SHELL_PATHS.find((p) => existsSync(p));
  return shell ? { path: shell, source: 'system headless shell' } : findChromium();
}

/**
 * The Chromium features the tests and the bench turn off. Chromium keeps only the last `--disable-features` it is
 * given, so this repeats Playwright's own list (playwright-core 1.65, chromiumSwitches.ts: no Google requests, no
 * HTTPS upgrade, no paint holding…) and adds the omnibox popup's two WebUI pages, which Chromium 156 preloads in two
 * renderer processes for every new window, that is for every test, although a headless window never shows them:
 * 1.5 s of processor time per page on a 2-core machine, as much as the lesson's own load (measured with /proc).
 * It also turns off the spare renderer: Chromium starts a second renderer process with every new context, to have one
 * ready for the next cross-site navigation, and a test's context closes before that navigation comes. Measured with
 * /proc over ten fresh contexts each: 2.1 renderer processes per page and 1.55-1.57 s of processor time to a ready
 * lesson, against 1.1 processes and 1.42-1.44 s without it.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
  'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'SpareRendererForSitePerProcess',
];

export const DISABLE_FEATURES_ARG = `--disable-features=${DISABLED_FEATURES.join(',')}`;
