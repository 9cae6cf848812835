// Which Chromium the browser tests drive: $LESSON_PLAYER_CHROMIUM, then the system one, then Playwright's own.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.LESSON_PLAYER_CHROMIUM;
  if (fromEnv) return { path: existsSync(fromEnv) ? fromEnv : undefined, source: 'LESSON_PLAYER_CHROMIUM' };
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  const bundled = chromium.executablePath();
  return { path: existsSync(bundled) ? bundled : undefined, source: "Playwright's", bundled: true };
}
