/**
 * Issue #11: the player as a component inside someone else's page, on the library build (`dist/lib`), from a host
 * page on another origin (tests/fixtures/hosts/plain.html, served by host-server.mjs). Pages and apps move, remove,
 * put back and relabel their components: the player's strings follow its own `lang`, a move keeps the video
 * playing, a removal releases everything it added to the page and lets it be collected, and a player put back
 * later comes back where it was. The same move/remove/listeners/GC checks pass on Vidstack's `<media-player>`
 * alone (lifecycle-vidstack-baseline.spec.ts): what stays is the player's own.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  expectCollected,
  expectFollowing,
  expectListenersReleased,
  expectPlayingPast,
  expectStringsIn,
  following,
  globalListeners,
  keepWeakRef,
  playback,
  playFrom,
  type Lang,
} from './lifecycle-helpers.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const LESSON = `http://127.0.0.1:${PORT}`;
const HOST = `http://127.0.0.1:${PORT + 1}`;
const MANIFEST = `${LESSON}/lessons/survivre-en-milieu-hostile.json`;

/** Opens the host page (French, `<html lang="fr">`, unless told otherwise) with the library defined. */
async function openHostPage(page: Page, pageLang: Lang = 'fr'): Promise<void> {
  await page.goto(`${HOST}/hosts/plain.html`);
  await page.evaluate(async (pageLang) => {
    document.documentElement.lang = pageLang;
    await customElements.whenDefined('lesson-player');
  }, pageLang);
}

/** Adds `<lesson-player id="lecteur">` (or `id`) to `#first` (or `where`) and waits for its `lesson-ready`. */
async function addPlayer(page: Page, lang: string, where = 'first', id = 'lecteur'): Promise<void> {
  await page.evaluate(
    async ({ lang, where, id, manifest }) => {
      const player = document.createElement('lesson-player');
      player.id = id;
      player.setAttribute('lang', lang);
      player.setAttribute('lesson', manifest);
      const ready = new Promise((resolve) => player.addEventListener('lesson-ready', resolve, { once: true }));
      document.getElementById(where)!.append(player);
      await ready;
    },
    { lang, where, id, manifest: MANIFEST },
  );
}

test.describe('the player on a host page', () => {
  test('each player speaks its own lang, whatever the page\'s; an unsupported one falls back to French with a warning', async ({ page, consoleErrors }) => {
    void consoleErrors;
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await openHostPage(page, 'fr');
    await addPlayer(page, 'en', 'first', 'english');
    await expectStringsIn(page, 'en', 'english');
    await expect(page.locator('#english lesson-learner button.add-note'), 'a note at the very start').toHaveAccessibleName('Add a note at 0:00');

    // The page turns English: the English player stays English, a French one added now is French.
    await page.evaluate(() => (document.documentElement.lang = 'en'));
    await addPlayer(page, 'fr', 'second', 'french');
    await expectStringsIn(page, 'fr', 'french');
    await expect(page.locator('#french lesson-learner button.add-note'), 'a note at the very start').toHaveAccessibleName('Ajouter une note à 0:00');
    await expectStringsIn(page, 'en', 'english');

    await addPlayer(page, 'de', 'second', 'german');
    await expectStringsIn(page, 'fr', 'german');
    expect(warnings.filter((w) => /lesson-player/.test(w) && /\bde\b/.test(w)), 'one warning naming the unsupported lang').toHaveLength(1);
  });

  test('moved to another container while playing, it keeps playing from its place, the transcript and captions following', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openHostPage(page);
    await addPlayer(page, 'fr');
    await page.evaluate(() => document.querySelector('lesson-player')!.setCaptions('fr'));
    await playFrom(page, 30);
    const before = await playback(page);

    // As frameworks, sortable lists and tab widgets do: the same element appended elsewhere, in one task.
    await page.evaluate(() => document.getElementById('second')!.append(document.getElementById('lecteur')!));

    await expectPlayingPast(page, before.currentTime);
    expect((await playback(page)).currentTime, 'the place is kept (no restart from 0)').toBeGreaterThan(before.currentTime);
    await expectFollowing(page);
  });

  test('removed while playing, then put back later: it comes back at its place, playing, with its captions and language', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openHostPage(page);
    await addPlayer(page, 'en');
    await page.evaluate(() => document.querySelector('lesson-player')!.setCaptions('en'));
    await playFrom(page, 60);

    const removedAt = await page.evaluate(() => {
      const player = document.querySelector('lesson-player')!;
      (window as unknown as { removedPlayer: Element }).removedPlayer = player;
      player.remove();
      return player.currentTime;
    });
    // Put back in a later task (a separate evaluate), as a tab widget showing its tab again does.
    await page.evaluate(() => document.getElementById('second')!.append((window as unknown as { removedPlayer: Element }).removedPlayer));

    await expectPlayingPast(page, removedAt);
    const now = await playback(page);
    expect(now.currentTime, 'back at its place, not restarted').toBeGreaterThan(removedAt);
    expect(now.currentTime, 'back at its place, not further on').toBeLessThan(removedAt + 30);
    await expectFollowing(page);
    expect((await following(page)).captionLang, 'the captions chosen before').toBe('en');
    await expectStringsIn(page, 'en');
  });

  test('removed while paused, then put back later: it comes back paused at its place', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openHostPage(page);
    await addPlayer(page, 'fr');
    await playFrom(page, 40);
    const pausedAt = await page.evaluate(() => {
      const player = document.querySelector('lesson-player')!;
      player.pause();
      return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(player.currentTime)));
    });
    await page.evaluate(() => {
      const player = document.querySelector('lesson-player')!;
      (window as unknown as { removedPlayer: Element }).removedPlayer = player;
      player.remove();
    });
    await page.evaluate(() => document.getElementById('second')!.append((window as unknown as { removedPlayer: Element }).removedPlayer));

    await expect
      .poll(() => page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')?.readyState ?? 0), { message: 'a <video> with its media' })
      .toBeGreaterThanOrEqual(2);
    const back = await playback(page);
    expect(back.paused, 'the player says paused').toBe(true);
    expect(back.videoPaused, 'the video is paused').toBe(true);
    expect(Math.abs(back.currentTime - pausedAt), 'at the same place').toBeLessThan(0.5);
    await expectStringsIn(page, 'fr');
  });

  test('removing a player that has played: no error, every window/document listener released, and the element is collected', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openHostPage(page);
    const before = await globalListeners(page);
    await addPlayer(page, 'fr');
    await playFrom(page, 10);

    await keepWeakRef(page, 'player', '#lecteur');
    await page.evaluate(() => document.getElementById('lecteur')!.remove());

    await expectListenersReleased(page, before, 'by the removed player');
    await expectCollected(page, 'player');
  });

  test('lang changed while playing: every string switches, the same video keeps playing from its place', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openHostPage(page);
    await addPlayer(page, 'fr');
    await playFrom(page, 20);
    await expectStringsIn(page, 'fr');

    const switchedAt = await page.evaluate(() => {
      const player = document.querySelector('lesson-player')!;
      (window as unknown as { videoBefore: Element }).videoBefore = player.shadowRoot!.querySelector('video')!;
      player.setAttribute('lang', 'en');
      return player.currentTime;
    });

    await expectStringsIn(page, 'en');
    await expectPlayingPast(page, switchedAt);
    expect(
      await page.evaluate(() => document.getElementById('lecteur')!.shadowRoot!.querySelector('video') === (window as unknown as { videoBefore: Element }).videoBefore),
      'the same <video>: not reloaded',
    ).toBe(true);
  });

  test.describe(() => {
    // The browser logs the broken lesson's 404 itself.
    test.use({ allowConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });
    const BROKEN = `${LESSON}/lessons/missing-lesson.json`;

    test('lesson changed to a broken URL while playing: the new lesson\'s error shows, in the UI language', async ({ page, consoleErrors }) => {
      void consoleErrors;
      await page.route(BROKEN, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
      await openHostPage(page);
      await addPlayer(page, 'en');
      await playFrom(page, 20);

      const errors = page.evaluate(
        () =>
          new Promise<string>((resolve) =>
            document.getElementById('lecteur')!.addEventListener('lesson-error', (e) => resolve((e as CustomEvent<{ problem: { file: string } }>).detail.problem.file), { once: true }),
          ),
      );
      await page.evaluate((url) => document.getElementById('lecteur')!.setAttribute('lesson', url), BROKEN);

      expect(await errors, 'lesson-error names the new lesson').toBe(BROKEN);
      const player = page.locator('#lecteur');
      const alert = player.locator('[part="errors"]');
      await expect(alert).toHaveAttribute('role', 'alert');
      await expect(alert).toContainText('Loading problems');
      await expect(alert).toContainText('Problem in the lesson manifest (/lessons/missing-lesson.json)');
      await expect(alert).toContainText('the server answered 404');
      await expect(player.getByText('The lesson could not be loaded.')).toBeVisible();
      await expect.poll(async () => (await playback(page)).videoPaused, { message: 'the old lesson no longer plays' }).toBe(true);
    });
  });
});
