// Before the browser tests: say which Chromium they will use, and stop with a clear message when there is none.
import { findChromium } from '../tests/e2e/chromium.mjs';

const found = findChromium();
if (found.path) {
  console.log(`browser tests: ${found.source} Chromium at ${found.path}`);
} else {
  console.error(
    'browser tests: no Chromium found. Install one of:\n' +
      '  - Debian/Ubuntu: apt-get install chromium   (used from /usr/bin/chromium)\n' +
      '  - any system: npx playwright install chromium\n' +
      '  - or point LESSON_PLAYER_CHROMIUM at a Chromium or Chrome binary.',
  );
  process.exit(1);
}
