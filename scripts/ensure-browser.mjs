// Before the browser tests: say which Chromium they will use, and stop with a clear message when there is none.
import { findChromium, findTestChromium } from '../tests/e2e/chromium.mjs';

const found = findTestChromium();
const whole = findChromium();
if (found.path && whole.path) {
  console.log(`browser tests: ${found.source} Chromium at ${found.path}`);
  if (whole.path !== found.path) console.log(`browser tests tagged @whole-browser: ${whole.source} Chromium at ${whole.path}`);
} else {
  console.error(
    'browser tests: no Chromium found. Install one of:\n' +
      '  - Debian/Ubuntu: apt-get install chromium chromium-headless-shell   (used from /usr/bin)\n' +
      '  - any system: npx playwright install chromium\n' +
      '  - or point LESSON_PLAYER_CHROMIUM at a Chromium or Chrome binary.',
  );
  process.exit(1);
}
