/**
 * Every lesson file failing in every way: 404, 500, a timeout, an empty body, a wrong content type, invalid bytes,
 * a transfer cut short. Each fault gives a message in the UI language (French by default, English with
 * `lang="en"`, alternating from one fault to the next) naming the file and the problem, and what does not depend on
 * the broken file keeps working. Table-driven: one test per file kind, one reload per fault.
 */
import type { Locator, Page, Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';

type Lang = 'fr' | 'en';
type Fault = 'status 404' | 'status 500' | 'timeout' | 'empty body' | 'wrong content type' | 'invalid bytes' | 'truncated';
const FAULTS: Fault[] = ['status 404', 'status 500', 'timeout', 'empty body', 'wrong content type', 'invalid bytes', 'truncated'];

/** What the message must say, by fault, in each language (the file's path is checked separately). */
const TEXT_MESSAGES: Record<Fault, Record<Lang, RegExp>> = {
  'status 404': { fr: /introuvable sur le serveur \(erreur 404\)/, en: /the server answered 404/ },
  'status 500': { fr: /le serveur a rencontré une erreur \(erreur 500\)/, en: /the server answered 500/ },
  timeout: { fr: /le serveur n’a pas répondu en 1\u00a0s/, en: /no answer within 1 s/ },
  'empty body': { fr: /le fichier est vide/, en: /The file is empty/ },
  'wrong content type': { fr: /type de contenu inattendu \(«\u00a0text\/html\u00a0»\)/, en: /wrong content type "text\/html"/ },
  'invalid bytes': { fr: /pas en UTF-8 valide \(octet 0xFF\)/, en: /Invalid UTF-8 at line 1, column 3/ },
  truncated: { fr: /./, en: /./ }, // by file kind: TRUNCATED below
};

/**
 * A cut file is found by what its format requires; a cut Markdown note is just shorter text (not tested). A cut
 * WebVTT track still yields its first cues, as in a browser: the learner is not told (the lost cue goes to the
 * console and the linter), so only the manifest is checked here.
 */
const TRUNCATED: Record<string, Record<Lang, RegExp>> = {
  manifest: { fr: /le fichier n’est pas du JSON valide, il est peut-être tronqué/, en: /Invalid JSON/ },
};

const MEDIA_MESSAGES: Record<'media' | 'poster', Record<Lang, RegExp>> = {
  media: { fr: /aucune des sources de la vidéo n’a pu être lue/, en: /none of the media sources could be loaded/ },
  poster: { fr: /l’image n’a pas pu être chargée/, en: /the poster image could not be loaded/ },
};
const HEADING: Record<Lang, string> = { fr: 'Problèmes de chargement', en: 'Loading problems' };
const KIND_NAME: Record<Lang, Record<string, string>> = {
  fr: { manifest: 'le manifeste de la leçon', captions: 'les sous-titres', chapters: 'les chapitres', notes: 'les notes', media: 'la vidéo', poster: 'l’image d’affiche' },
  en: { manifest: 'the lesson manifest', captions: 'the captions', chapters: 'the chapters', notes: 'the notes', media: 'the video', poster: 'the poster image' },
};

test.use({ allowConsoleErrors: [/Failed to load resource/] });

async function applyFault(route: Route, fault: Fault, binary: 'video' | 'image' | null): Promise<void> {
  switch (fault) {
    case 'status 404':
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
    case 'status 500':
      return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
    case 'timeout':
      // Text files: the request hangs until the player's 1 s fetch-timeout; media: the network times out.
      if (binary) return route.abort('timedout');
      return;
    case 'empty body':
      return route.fulfill({ status: 200, contentType: binary === 'video' ? 'video/webm' : binary === 'image' ? 'image/jpeg' : 'text/plain', body: '' });
    case 'wrong content type':
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Erreur</title><p>Page d’erreur du portail</p>' });
    case 'invalid bytes':
      return route.fulfill({
        status: 200,
        contentType: binary === 'video' ? 'video/webm' : binary === 'image' ? 'image/jpeg' : 'text/plain',
        body: Buffer.from([0x57, 0x45, 0xff, 0xfe, 0x54, 0x54, 0x0a, 0xc3, 0x28]),
      });
    case 'truncated': {
      // The file cut off in its second half, inside a WebVTT timing line or a JSON value (an interrupted copy or
      // upload). A transfer cut short (fewer bytes than Content-Length) cannot be routed: Chromium reports it as a
      // network error, which the 'fetch-network' wording covers.
      const text = await (await route.fetch()).text();
      const timing = text.indexOf(' --> ', text.length / 2);
      const body = timing > 0 ? text.slice(0, timing + 8) : text.slice(0, Math.floor(text.length / 2));
      return route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body });
    }
  }
}

/** Opens the demo with `lang` and a 1 s fetch timeout, the file matching `pattern` failing with `fault`. */
async function openWithFault(page: Page, pattern: string, fault: Fault, lang: Lang, binary: 'video' | 'image' | null = null): Promise<Locator> {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<lesson-player ', `<lesson-player lang="${lang}" fetch-timeout="1000" `);
      await route.fulfill({ response, body });
    },
  );
  await page.route(pattern, (route) => applyFault(route, fault, binary));
  await page.goto('/');
  return page.locator('lesson-player');
}

/** The alert names the file kind, its path (in the file's summary), and says what is wrong in `lang`. */
async function expectProblem(player: Locator, lang: Lang, kind: string, path: RegExp, message: RegExp): Promise<void> {
  const alert = player.getByRole('alert');
  await expect(alert).toContainText(HEADING[lang]);
  const item = alert.locator('details').filter({ hasText: path });
  await expect(item.first()).toContainText(KIND_NAME[lang][kind]!);
  await expect(item.first()).toContainText(message);
}

const ready = (player: Locator) => expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
const videoLoads = (page: Page) =>
  page.waitForFunction(() => (document.querySelector('lesson-player')?.shadowRoot?.querySelector('video')?.readyState ?? 0) >= 2);

const TEXT_FILES = [
  {
    kind: 'manifest',
    pattern: '**/lessons/survivre-en-milieu-hostile.json',
    path: /lessons\/survivre-en-milieu-hostile\.json/,
    // Without a manifest there is no lesson: the player says it could not be loaded.
    stillWorks: async (player: Locator) => expect(player.locator('.lesson')).toHaveAttribute('data-status', 'error'),
  },
  {
    kind: 'captions',
    pattern: '**/captions/survivre-en-milieu-hostile.fr.vtt',
    path: /\/captions\/survivre-en-milieu-hostile\.fr\.vtt/,
    // A lesson without captions still plays, with its chapters and notes.
    stillWorks: async (player: Locator, page: Page) => {
      await ready(player);
      await expect(player.locator('lesson-chapters').getByRole('button').first()).toBeVisible();
      await player.locator('media-player').scrollIntoViewIfNeeded();
      await videoLoads(page);
    },
  },
  {
    kind: 'chapters',
    pattern: '**/chapters/survivre-en-milieu-hostile.*.vtt',
    path: /\/chapters\/survivre-en-milieu-hostile\.(fr|en)\.vtt/,
    stillWorks: async (player: Locator) => {
      await ready(player);
      await expect(player.locator('lesson-transcript .line').first()).toBeVisible();
    },
  },
  {
    kind: 'notes',
    pattern: '**/chapters/notes/*/la-crise-politique.md',
    path: /\/chapters\/notes\/(fr|en)\/la-crise-politique\.md/,
    stillWorks: async (player: Locator) => {
      await ready(player);
      await expect(player.locator('lesson-notes .note-body').first()).not.toBeEmpty();
      await expect(player.locator('lesson-transcript .line').first()).toBeVisible();
    },
  },
];

const MEDIA_FAULTS: Fault[] = ['status 404', 'status 500', 'timeout', 'empty body', 'wrong content type', 'invalid bytes'];

const BINARY_FILES = [
  {
    kind: 'media' as const,
    pattern: '**/media/survivre-en-milieu-hostile.{webm,mp4}',
    path: /survivre-en-milieu-hostile\.webm, .*survivre-en-milieu-hostile\.mp4/,
    binary: 'video' as const,
    // Without the video, the transcript, chapters and notes still read.
    stillWorks: async (player: Locator) => {
      await ready(player);
      await expect(player.locator('lesson-transcript .line').first()).toBeVisible();
      await expect(player.locator('lesson-notes .note-body').first()).not.toBeEmpty();
      await player.locator('lesson-chapters').getByRole('button').nth(2).click();
      await expect(player.locator('lesson-chapters [aria-current="true"]')).toHaveCount(1);
    },
  },
  {
    kind: 'poster' as const,
    pattern: '**/media/survivre-en-milieu-hostile.poster.jpg',
    path: /survivre-en-milieu-hostile\.poster\.jpg/,
    binary: 'image' as const,
    stillWorks: async (player: Locator, page: Page) => {
      await ready(player);
      await videoLoads(page);
    },
  },
];

const CASES = [
  ...TEXT_FILES.map((file) => ({ ...file, binary: null, faults: FAULTS })),
  ...BINARY_FILES.map((file) => ({ ...file, faults: MEDIA_FAULTS })),
];

for (const file of CASES) {
  test(`${file.kind}: every fault is named in the UI language and the rest keeps working`, async ({ page }) => {
    for (const [i, fault] of file.faults.entries()) {
      const lang: Lang = i % 2 ? 'en' : 'fr';
      const message = file.binary
        ? MEDIA_MESSAGES[file.kind as 'media' | 'poster'][lang]
        : fault === 'truncated'
          ? TRUNCATED[file.kind]?.[lang]
          : TEXT_MESSAGES[fault][lang];
      if (!message) continue;
      await test.step(`${fault} (${lang})`, async () => {
        const player = await openWithFault(page, file.pattern, fault, lang, file.binary);
        await expectProblem(player, lang, file.kind, file.path, message);
        await file.stillWorks(player, page);
      });
    }
  });
}

test('media: when the first source fails the player falls back to the second and plays', async ({ page }) => {
  const player = await openWithFault(page, '**/media/survivre-en-milieu-hostile.webm', 'status 404', 'fr', 'video');
  await ready(player);
  await videoLoads(page);
  expect(await page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.currentSrc)).toMatch(/\.mp4$/);
  await expect(player.getByRole('alert')).toHaveCount(0);
});
