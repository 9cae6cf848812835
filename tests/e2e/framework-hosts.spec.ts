/**
 * Issue #11, framework hosts for real: a React 19 app and a Vue 3 app (tests/fixtures/hosts/apps, built by Vite with
 * `import 'lesson-player'` resolved to the library build) mount the player, change its `lesson` and `lang` props,
 * reorder it in a keyed list (the framework moves its DOM node), unmount and remount it. The page's console stays
 * clean throughout (fixtures.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  expectCollected,
  expectListenersReleased,
  expectPlayingPast,
  expectStringsIn,
  globalListeners,
  keepWeakRef,
  playback,
  playFrom,
} from './lifecycle-helpers.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const LESSON = `http://127.0.0.1:${PORT}`;
const HOST = `http://127.0.0.1:${PORT + 1}`;
const MANIFEST = `${LESSON}/lessons/survivre-en-milieu-hostile.json`;
/** A second lesson: the demo's manifest under another id and title (its files resolve beside it, the same). */
const OTHER = `${LESSON}/lessons/another-lesson.json`;

/** Opens an app, the player not mounted yet, with the second lesson served. */
async function openApp(page: Page, app: string): Promise<void> {
  await page.route(OTHER, async (route) => {
    const original = await route.fetch({ url: MANIFEST });
    const manifest = { ...(await original.json()), id: 'another-lesson', title: { fr: 'Une autre leçon', en: 'Another lesson' } };
    await route.fulfill({ json: manifest, headers: { 'access-control-allow-origin': '*' } });
  });
  const query = new URLSearchParams({ lesson: MANIFEST, other: OTHER });
  const response = await page.goto(`${HOST}/apps/${app}.html?${query}`);
  expect(response?.ok(), 'the host apps are built (vite build -c tests/fixtures/hosts/vite.config.ts)').toBe(true);
  await expect(page.getByRole('button', { name: 'Mount the lesson' })).toBeVisible();
}

/** Clicks the app's button, then waits for the app to have counted `count` `lesson-ready` events in all. */
async function clickUntilReady(page: Page, button: string, count: number): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lessons ready' })).toHaveText(`Lessons ready: ${count}`);
}

for (const app of ['react', 'vue']) {
  test.describe(`${app} app`, () => {
    test('the lang and lesson props: every string follows lang, the new lesson loads', async ({ page, consoleErrors }) => {
      void consoleErrors;
      await openApp(page, app);
      await clickUntilReady(page, 'Mount the lesson', 1);
      await expectStringsIn(page, 'fr');

      // The page stays <html lang="fr">: only the prop says English, and the lesson is read again in English.
      await clickUntilReady(page, 'English', 2);
      await expectStringsIn(page, 'en');
      await expect(page.locator('#lecteur [part="base"] .main'), 'the lesson, titled in English').toHaveAttribute('aria-label', /Surviving in a hostile environment/);

      await clickUntilReady(page, 'Other lesson', 3);
      await expect(page.locator('#lecteur [part="base"] .main'), 'the new lesson').toHaveAttribute('aria-label', /Another lesson/);
      await expectStringsIn(page, 'en');
    });

    test('a keyed reorder moves the playing player: it keeps playing from its place', async ({ page, consoleErrors }) => {
      void consoleErrors;
      await openApp(page, app);
      await clickUntilReady(page, 'Mount the lesson', 1);
      await playFrom(page, 30);

      // Record which list items the framework takes out and puts back: the player's item must be one (a move).
      await page.evaluate(() => {
        const moved: string[] = [];
        (window as unknown as { movedItems: string[] }).movedItems = moved;
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.removedNodes) moved.push((node as HTMLElement).dataset?.key ?? '');
        }).observe(document.getElementById('list')!, { childList: true });
      });
      const before = await playback(page);
      await page.getByRole('button', { name: 'Move the first item last' }).click();
      await expect(page.locator('#list > li').last()).toHaveAttribute('data-key', 'lesson');
      expect(await page.evaluate(() => (window as unknown as { movedItems: string[] }).movedItems), 'the framework moved the player').toContain('lesson');

      await expectPlayingPast(page, before.currentTime);
      expect((await playback(page)).currentTime, 'the place is kept (no restart from 0)').toBeGreaterThan(before.currentTime);
    });

    test('unmounted: every window/document listener released and the element collected; remounted: a working player', async ({ page, consoleErrors }) => {
      void consoleErrors;
      await openApp(page, app);
      const before = await globalListeners(page);
      await clickUntilReady(page, 'Mount the lesson', 1);
      await playFrom(page, 10);

      await keepWeakRef(page, 'player', '#lecteur');
      await page.getByRole('button', { name: 'Unmount the lesson' }).click();
      await expect(page.locator('lesson-player')).toHaveCount(0);
      await expectListenersReleased(page, before, 'by the unmounted player');
      await expectCollected(page, 'player');

      await clickUntilReady(page, 'Mount the lesson', 2);
      await page.getByRole('button', { name: 'English' }).click();
      await expectStringsIn(page, 'en');
      await playFrom(page, 10);
    });
  });
}
