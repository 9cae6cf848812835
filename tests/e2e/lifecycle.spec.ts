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
import { expectCollected, expectListenersReleased, globalListeners, keepWeakRef } from './lifecycle-helpers.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const LESSON = `http://127.0.0.1:${PORT}`;
const HOST = `http://127.0.0.1:${PORT + 1}`;
const MANIFEST = `${LESSON}/lessons/survivre-en-milieu-hostile.json`;

type Lang = 'fr' | 'en';

/** Opens the host page (French, `<html lang="fr">`, unless told otherwise) with the library defined. */
async function openHostPage(page: Page, pageLang: Lang = 'fr'): Promise<void> {
  await page.goto(`${HOST}/hosts/plain.html`);
  await page.evaluate(async (pageLang) => {
    document.documentElement.lang = pageLang;
    await customElements.whenDefined('lesson-player');
  }, pageLang);
}

/** Adds `<lesson-player id="lecteur">` to `#first` (or `where`) and waits for its `lesson-ready`. */
async function addPlayer(page: Page, lang: Lang, where = 'first'): Promise<void> {
  await page.evaluate(
    async ({ lang, where, manifest }) => {
      const player = document.createElement('lesson-player');
      player.id = 'lecteur';
      player.setAttribute('lang', lang);
      player.setAttribute('lesson', manifest);
      const ready = new Promise((resolve) => player.addEventListener('lesson-ready', resolve, { once: true }));
      document.getElementById(where)!.append(player);
      await ready;
    },
    { lang, where, manifest: MANIFEST },
  );
}

interface Playback {
  /** Whether the player's shadow root holds a `<video>`. */
  video: boolean;
  videoPaused: boolean;
  videoTime: number;
  /** The element's public API. */
  paused: boolean;
  currentTime: number;
}

function playback(page: Page): Promise<Playback> {
  return page.evaluate(() => {
    const player = document.getElementById('lecteur') as HTMLElementTagNameMap['lesson-player'];
    const video = player.shadowRoot?.querySelector('video');
    return { video: !!video, videoPaused: video?.paused ?? true, videoTime: video?.currentTime ?? 0, paused: player.paused, currentTime: player.currentTime };
  });
}

/** Waits for the media, then plays it muted from `from` seconds through the public API. */
async function playFrom(page: Page, from: number): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('lecteur')?.shadowRoot?.querySelector('video')?.readyState ?? 0) >= 2);
  await page.evaluate(async (from) => {
    const player = document.getElementById('lecteur') as HTMLElementTagNameMap['lesson-player'];
    player.shadowRoot!.querySelector('video')!.muted = true;
    player.seek(from);
    await player.play();
  }, from);
  await expectPlayingPast(page, from);
}

/** The video plays (not paused, its clock and the player's moving) past `time`. */
async function expectPlayingPast(page: Page, time: number): Promise<void> {
  await expect.poll(async () => (await playback(page)).video, { message: 'the player has a <video>' }).toBe(true);
  await expect.poll(async () => (await playback(page)).videoTime, { message: 'the video clock moves on' }).toBeGreaterThan(time + 0.5);
  await expect.poll(async () => (await playback(page)).currentTime, { message: "the player's currentTime moves on" }).toBeGreaterThan(time + 0.5);
  const now = await playback(page);
  expect(now.videoPaused, 'the video is playing').toBe(false);
  expect(now.paused, 'the player says it is playing').toBe(false);
}

/** The transcript's current line and the caption shown, as text. */
function following(page: Page): Promise<{ line: string; caption: string; captionLang: string }> {
  return page.evaluate(() => {
    const root = document.getElementById('lecteur')!.shadowRoot!;
    const line = root.querySelector('lesson-transcript')?.shadowRoot?.querySelector('.line[aria-current="true"]')?.textContent ?? '';
    const cue = root.querySelector('lesson-captions')?.shadowRoot?.querySelector<HTMLElement>('.cue');
    return { line: line.trim(), caption: cue && !cue.hidden ? (cue.textContent ?? '').trim() : '', captionLang: cue?.getAttribute('lang') ?? '' };
  });
}

/** The transcript and the captions move on from what they show now. */
async function expectFollowing(page: Page): Promise<void> {
  const now = await following(page);
  await expect.poll(async () => (await following(page)).line, { message: 'the transcript follows the video' }).not.toBe(now.line);
  await expect.poll(async () => (await following(page)).caption, { message: 'the captions follow the video' }).not.toBe(now.caption);
  await expect.poll(async () => (await following(page)).caption, { message: 'a caption shows' }).not.toBe('');
}

/**
 * Every text a person meets in the player, through its shadow roots: text nodes and the names given in
 * attributes (aria-label, placeholder, title), trimmed.
 */
function uiTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visit = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (['style', 'script', 'template'].includes(element.localName)) continue;
        for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) texts.push(node.textContent!.trim());
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = element.getAttribute(name);
          if (value) texts.push(value.trim());
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document.getElementById('lecteur')!.shadowRoot!);
    return texts;
  });
}

/** Strings of each UI language (src/i18n/strings.ts, learner-strings.ts) that must not show in the other. */
const ONLY_IN: Record<Lang, RegExp[]> = {
  fr: [/^Transcription$/, /^Rechercher dans la transcription$/, /^Intégrer$/, /^Ajouter une note à /, /^Chapitre en cours$/, /^Mon suivi$/, /^Outils$/, /^Lecture$/, /^Sous-titres$/],
  en: [/^Transcript$/, /^Search the transcript$/, /^Embed$/, /^Add a note at /, /^Current chapter$/, /^My learning$/, /^Play$/, /^Captions$/],
};

/** The panels, the toolbar and the video's controls all speak `lang`, and nothing of the other language shows. */
async function expectStringsIn(page: Page, lang: Lang): Promise<void> {
  const player = page.locator('#lecteur');
  const s = {
    fr: { transcript: 'Transcription', search: 'Rechercher dans la transcription', embed: 'Intégrer', addNote: /^Ajouter une note à \d/, learner: 'Mon suivi' },
    en: { transcript: 'Transcript', search: 'Search the transcript', embed: 'Embed', addNote: /^Add a note at \d/, learner: 'My learning' },
  }[lang];
  await expect(player.locator('lesson-transcript h2'), 'the transcript').toHaveText(s.transcript);
  await expect(player.locator('lesson-transcript input[type="search"]'), 'the transcript search').toHaveAccessibleName(s.search);
  await expect(player.locator('lesson-embed').getByRole('button').first(), 'the Embed button').toHaveText(s.embed);
  await expect(player.locator('lesson-learner h2'), 'the learner panel').toHaveText(s.learner);
  await expect(player.locator('lesson-learner button.add-note'), "the learner panel's Add a note").toHaveAccessibleName(s.addNote);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const texts = await uiTexts(page);
  expect(texts.filter((text) => ONLY_IN[other].some((re) => re.test(text))), `strings of the other language (${other}) in a ${lang} player`).toEqual([]);
}

test.describe('the player on a host page', () => {
  test('lang="en" on a French page: every panel, the toolbar and the controls speak English', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openHostPage(page, 'fr');
    await addPlayer(page, 'en');
    await expectStringsIn(page, 'en');
    await expect(page.locator('#lecteur lesson-learner button.add-note'), 'a note at the very start').toHaveAccessibleName('Add a note at 0 s');
  });

  test('lang="fr" on an English page: every panel, the toolbar and the controls speak French', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openHostPage(page, 'en');
    await addPlayer(page, 'fr');
    await expectStringsIn(page, 'fr');
    await expect(page.locator('#lecteur lesson-learner button.add-note'), 'a note at the very start').toHaveAccessibleName('Ajouter une note à 0 s');
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

  test('removed, then put back later: it comes back at its place, playing, with its captions and language', async ({ page, consoleErrors }) => {
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
