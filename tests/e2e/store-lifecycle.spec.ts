/**
 * Issue #11, what the lifecycle specs of the host pages do not cover: the element's API from `lesson-ready` on for
 * a player below the fold (Vidstack loads the media only once the player is visible), an unsupported `lang`, and
 * the learner's data of a lesson replaced by a broken one while playing.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMedia, playMuted } from './fixtures.ts';

const MANIFEST = '/lessons/survivre-en-milieu-hostile.json';

/** Adds a `<lesson-player id="below">` under a screen-high spacer, and returns what it says at `lesson-ready`. */
function addPlayerBelowTheFold(page: Page, attributes: Record<string, string> = {}) {
  return page.evaluate(
    async ({ manifest, attributes }) => {
      const spacer = Object.assign(document.createElement('div'), { style: 'height: 300vh' });
      const player = document.createElement('lesson-player');
      player.id = 'below';
      player.setAttribute('panels', 'none');
      for (const [name, value] of Object.entries(attributes)) player.setAttribute(name, value);
      player.setAttribute('lesson', manifest);
      const ready = new Promise<number>((resolve) => player.addEventListener('lesson-ready', (e) => resolve(e.detail.duration), { once: true }));
      document.body.append(spacer, player);
      const readyDuration = await ready;
      const video = player.shadowRoot!.querySelector('video');
      return {
        readyDuration,
        duration: player.duration,
        chaptersEnd: player.chapters.at(-1)!.end,
        currentTime: player.currentTime,
        mediaLoaded: (video?.readyState ?? 0) > 0,
        belowTheFold: player.getBoundingClientRect().top > innerHeight,
      };
    },
    { manifest: MANIFEST, attributes },
  );
}

const below = (page: Page) =>
  page.evaluate(() => {
    const player = document.getElementById('below') as HTMLElementTagNameMap['lesson-player'];
    const video = player.shadowRoot!.querySelector('video');
    return { currentTime: player.currentTime, paused: player.paused, videoTime: video?.currentTime ?? -1, videoPaused: video?.paused ?? true };
  });

test('below the fold, the API holds from lesson-ready on: duration, seek, then play loads the media and plays from there', async ({ page, openLesson }) => {
  await openLesson();
  const ready = await addPlayerBelowTheFold(page);
  expect(ready.belowTheFold).toBe(true);
  expect(ready.mediaLoaded, 'Vidstack has not loaded the media of a player out of view').toBe(false);
  expect(ready.readyDuration, 'the duration from the tracks, as the manifest gives none').toBe(ready.chaptersEnd);
  expect(ready.duration).toBe(ready.chaptersEnd);

  await page.evaluate(() => (document.getElementById('below') as HTMLElementTagNameMap['lesson-player']).seek(90));
  expect((await below(page)).currentTime, 'the lesson is where it was asked to be, before the media is').toBe(90);

  await page.evaluate(async () => {
    const player = document.getElementById('below') as HTMLElementTagNameMap['lesson-player'];
    await player.play();
  });
  await expect.poll(async () => (await below(page)).videoTime, { message: 'the media loaded and plays from the seek' }).toBeGreaterThan(90.5);
  const now = await below(page);
  expect(now.videoPaused).toBe(false);
  expect(now.paused).toBe(false);
  expect(now.currentTime).toBeGreaterThan(90);
  expect(await page.evaluate(() => document.getElementById('below')!.getBoundingClientRect().top > innerHeight), 'still out of view').toBe(true);
});

test('below the fold, a #t= link holds from lesson-ready on and applies when the media loads in view', async ({ page, openLesson }) => {
  await openLesson('/#t=75');
  const ready = await addPlayerBelowTheFold(page);
  expect(ready.currentTime).toBe(75);
  expect(ready.mediaLoaded).toBe(false);
  await page.locator('#below').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await below(page)).videoTime, { message: 'the media starts at the link' }).toBe(75);
});

test('an unsupported lang speaks French, with one console warning', async ({ page, openLesson }) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await openLesson();
  await page.evaluate(async (manifest) => {
    const player = document.createElement('lesson-player');
    player.id = 'deutsch';
    player.setAttribute('lang', 'de');
    player.setAttribute('lesson', manifest);
    const ready = new Promise((resolve) => player.addEventListener('lesson-ready', resolve, { once: true }));
    document.body.append(player);
    await ready;
  }, MANIFEST);
  await expect(page.locator('#deutsch lesson-transcript h2')).toHaveText('Transcription');
  await expect(page.locator('#deutsch lesson-learner h2')).toHaveText('Mon suivi');
  expect(warnings.filter((w) => w.includes('lang="de"'))).toEqual(['lesson-player: lang="de" is not a language of the player (fr, en): it speaks French']);
});

test.describe(() => {
  test.use({ allowConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });

  test("a broken lesson while playing: its error shows, and the old lesson's notes and place are written, not overwritten", async ({ page, openLesson }) => {
    const player = await openLesson();
    await waitForMedia(page);
    await page.evaluate(() => localStorage.clear());
    await playMuted(page);
    await page.evaluate(() => document.querySelector('lesson-player')!.seek(40));
    await expect.poll(() => page.evaluate(() => document.querySelector('lesson-player')!.currentTime)).toBeGreaterThan(41);
    await player.locator('lesson-learner button.add-note').click();
    await page.keyboard.type('à revoir');

    await page.evaluate(() => document.querySelector('lesson-player')!.setAttribute('lesson', '/lessons/missing.json'));
    await expect(player.locator('[part="errors"]')).toContainText('missing.json');
    await expect(player.getByText('La leçon n’a pas pu être chargée.')).toBeVisible();
    const key = 'lesson-player:learner:survivre-en-milieu-hostile';
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), key);
    expect(saved.notes.map((n: { text: string }) => n.text)).toEqual(['à revoir']);
    expect(saved.position.time).toBeGreaterThan(41);
    // Anything still pending would be written now: nothing is.
    const after = await page.evaluate((key) => {
      window.dispatchEvent(new Event('pagehide'));
      return localStorage.getItem(key);
    }, key);
    expect(JSON.parse(after!)).toEqual(saved);
  });
});
