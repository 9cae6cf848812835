/**
 * Issue #16: no request leaves the lesson's origin unless the site opts in. Every host other than 127.0.0.1 is
 * blocked and recorded: a normal session (play, captions, chapters, notes, search, the settings menu) attempts none,
 * and the control bar has no Google Cast button (pressing it loads Google's cast_sender.js). The `cast` attribute
 * brings the button back, named in the player's language, and pressing it then asks www.gstatic.com: the origin
 * README "Content Security Policy" tells a site to allow.
 */
import type { Page } from '@playwright/test';
import { menusSettled } from './a11y-helpers.ts';
import { expect, pauseWithControls, playMuted, test, waitForMedia } from './fixtures.ts';

// The blocked cast_sender.js load, once the site opted in and the learner pressed Cast: the one request expected off
// 127.0.0.1, checked below by its URL.
test.use({ allowConsoleErrors: [/^Failed to load resource: net::ERR_BLOCKED_BY_CLIENT\b/] });

/** Blocks every request to a host other than 127.0.0.1 and returns the list of those attempted. */
async function blockOtherHosts(page: Page): Promise<string[]> {
  const attempted: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    attempted.push(url.href);
    return route.abort('blockedbyclient');
  });
  return attempted;
}

/** Resource hints (preconnect, dns-prefetch, preload…) in the page: they reach a host without a request to route. */
function hintedHosts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[href]')]
      .filter((link) => /preconnect|dns-prefetch|preload|prefetch|modulepreload/.test(link.rel))
      .map((link) => new URL(link.href).hostname),
  );
}

// The whole browser: Vidstack offers Cast only where `window.chrome` exists, which Chromium's headless shell lacks.
test('a normal session requests nothing outside 127.0.0.1 and shows no Cast button; `cast` brings it back, in the player’s language', { tag: '@whole-browser' }, async ({ page, openLesson }) => {
  const offsite = await blockOtherHosts(page);
  const player = await openLesson('/');
  await waitForMedia(page);
  const media = player.locator('media-player');
  const castButton = media.getByRole('button', { name: /cast/i });

  // Controls shown: every button of the bar is there, Cast is not.
  await pauseWithControls(player);
  await expect(media.getByRole('button', { name: 'Plein écran' })).toBeVisible();
  await expect(castButton).toHaveCount(0);
  await expect(media.locator('media-google-cast-button')).toBeHidden();

  // Captions on, then playing: the overlay shows the words.
  await media.getByRole('button', { name: /sous-titres/i }).first().click();
  await playMuted(page);
  await expect(player.locator('lesson-captions .cue')).not.toBeEmpty();
  // A chapter, the notes, a transcript search.
  const third = await player.evaluate((el: HTMLElementTagNameMap['lesson-player']) => el.chapters[2]!.id);
  await player.locator('lesson-chapters button.chapter').nth(2).click();
  await expect.poll(() => player.evaluate((el: HTMLElementTagNameMap['lesson-player']) => el.activeChapter?.id)).toBe(third);
  await player.evaluate((el: HTMLElementTagNameMap['lesson-player']) => el.openNotes('la-crise-politique'));
  await expect(player.locator('lesson-notes .note-body').first()).not.toBeEmpty();
  await player.getByRole('searchbox', { name: 'Rechercher dans la transcription' }).fill('securitaire');
  await expect(player.locator('lesson-transcript #search-status')).toContainText(/sur/);
  // The settings menu and a submenu.
  await pauseWithControls(player);
  const settings = media.getByRole('button', { name: 'Paramètres' }).first();
  await settings.click();
  await menusSettled(page);
  await media.getByRole('menuitem', { name: /^Vitesse/ }).click();
  await menusSettled(page);
  await expect(media.getByRole('menuitem', { name: /^Vitesse/, expanded: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await menusSettled(page);

  expect(offsite, 'requests to other hosts').toEqual([]);
  expect((await hintedHosts(page)).filter((host) => host !== '127.0.0.1'), 'resource hints to other hosts').toEqual([]);

  // The site opts in: the button is back in the control bar, named in French, then in English.
  await player.evaluate((el) => el.setAttribute('cast', ''));
  await pauseWithControls(player);
  await expect(castButton).toHaveAccessibleName('Google Cast Déconnecté');
  await player.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(castButton).toHaveAccessibleName('Google Cast Disconnected');
  // Pressed, it asks Google's servers for the Cast framework (blocked here).
  await castButton.click();
  await expect.poll(() => offsite).toEqual([expect.stringMatching(/^https:\/\/www\.gstatic\.com\/cv\/js\/sender\/v1\/cast_sender\.js/)]);

  // Taken away again, it is gone.
  await player.evaluate((el) => el.removeAttribute('cast'));
  await expect(castButton).toHaveCount(0);
});
