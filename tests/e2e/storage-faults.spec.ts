/**
 * Storage the page may not use: every getter throwing a SecurityError (blocked cookies, sandboxed or third-party
 * frames), or storage full (every write throwing QuotaExceededError) with IndexedDB refusing to open. The lesson
 * loads, plays, shows captions and opens its settings with the caption styles, with no console error (fixture).
 */
import { expect, pauseWithControls, playMuted, test, waitForMedia } from './fixtures.ts';

const SCENARIOS = {
  'storage refused': () => {
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) Object.defineProperty(window, name, { get: deny, configurable: true });
  },
  'storage full': () => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBFactory.prototype.open = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
};

for (const [name, script] of Object.entries(SCENARIOS)) {
  test(`${name}: the lesson loads, plays, shows captions and its caption styles`, async ({ page, openLesson }) => {
    await page.addInitScript(script);
    const player = await openLesson();
    // The fault is in place (the test would prove nothing otherwise); where storage is refused, the player gave the
    // page an in-memory localStorage (src/media/storage-guard.ts) and left the rest refused.
    const probe = await page.evaluate(() => {
      const attempt = (f: () => unknown) => {
        try {
          f();
          return 'ok';
        } catch (error) {
          return (error as DOMException).name;
        }
      };
      return {
        session: attempt(() => sessionStorage.setItem('x', '1')),
        local: attempt(() => localStorage.setItem('x', '1')),
        memory: !(localStorage instanceof Storage),
      };
    });
    expect(probe).toEqual(
      name === 'storage refused'
        ? { session: 'SecurityError', local: 'ok', memory: true }
        : { session: 'QuotaExceededError', local: 'QuotaExceededError', memory: false },
    );
    await waitForMedia(page);
    const cue = await player.evaluate((el: any) => el.cues[1]);
    await player.evaluate((el: any, t: number) => el.seek(t), cue.start + 0.1);
    await player.getByRole('button', { name: /sous-titres/i }).first().click();
    await expect(player.locator('lesson-captions .cue')).toContainText(cue.text.split('\n')[0]);
    await playMuted(page);
    await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(cue.start + 0.5);

    await pauseWithControls(player);

    const settings = player.getByRole('button', { name: 'Paramètres' }).first();
    await settings.click();
    await expect(settings).toHaveAttribute('aria-expanded', 'true');
    await expect(player.locator(`[id="${await settings.getAttribute('aria-controls')}"]`)).toContainText('Style des sous-titres');
  });
}
