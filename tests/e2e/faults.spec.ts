/**
 * Every lesson file failing in every way: 404, 500, a timeout, an empty body, a wrong content type, invalid bytes,
 * a transfer cut short. Each fault gives a message in the UI language (French by default, English with
 * `lang="en"`, alternating from one fault to the next) naming the file and the problem, and what does not depend on
 * the broken file keeps working. Table-driven: one test (one page) per file kind; each fault gets a fresh
 * `<lesson-player>` in that page, the file's route switched to the fault.
 *
 * No fault races a timer: the player keeps its default fetch timeout (15 s), which a 404 or a broken file never
 * comes near whatever the load. The timeout itself is a request that never gets an answer, with the page's clock
 * held (Playwright's clock fakes `AbortSignal.timeout`) until every other file has arrived, then moved on 15 s.
 */
import type { Locator, Page, Route } from '@playwright/test';
import { FETCH_TIMEOUT_MS } from '../../src/state/fetch-lesson-file.ts';
import { expect, test } from './fixtures.ts';

type Lang = 'fr' | 'en';
type Fault = 'status 404' | 'status 500' | 'timeout' | 'empty body' | 'wrong content type' | 'invalid bytes' | 'truncated';
const FAULTS: Fault[] = ['status 404', 'status 500', 'timeout', 'empty body', 'wrong content type', 'invalid bytes', 'truncated'];

/** What the message must say, by fault, in each language (the file's path is checked separately). */
const TEXT_MESSAGES: Record<Fault, Record<Lang, RegExp>> = {
  'status 404': { fr: /introuvable sur le serveur \(erreur 404\)/, en: /the server answered 404/ },
  'status 500': { fr: /le serveur a rencontré une erreur \(erreur 500\)/, en: /the server answered 500/ },
  timeout: { fr: /le serveur n’a pas répondu en 15\u00a0s/, en: /no answer within 15 s/ },
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
// Up to seven faults in sequence on one page: the time limit is per fault (30 s each, like one test each).
test.describe.configure({ timeout: FAULTS.length * 30_000 });

async function applyFault(route: Route, fault: Fault, binary: 'video' | 'image' | null): Promise<void> {
  switch (fault) {
    case 'status 404':
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
    case 'status 500':
      return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
    case 'timeout':
      // Text files: the request never gets an answer (the test moves the clock past the player's timeout); media:
      // the network times out.
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

/** A frame of the page's clock (Playwright's fake clock runs animation frames every 16 ms). */
const FRAME_MS = 16;
/** The page's fetches still waiting for their whole body (counted in the page, see `countFetches`). */
const fetchesInFlight = (page: Page) => page.evaluate(() => (window as unknown as { __fetchesInFlight: number }).__fetchesInFlight);

/** Counts the page's fetches from the call until the body has arrived or the request failed. */
function countFetches(): void {
  const counted = window as unknown as { __fetchesInFlight: number };
  counted.__fetchesInFlight = 0;
  const fetch = window.fetch;
  window.fetch = function (...args: Parameters<typeof fetch>) {
    counted.__fetchesInFlight++;
    const done = () => void counted.__fetchesInFlight--;
    const response = fetch.apply(this, args);
    response.then((r) => r.clone().arrayBuffer().then(done, done), done);
    return response;
  };
}

/** Opens the demo once, the page's clock faked (flowing) and its fetches counted; the faults then swap the player. */
async function openDemo(page: Page): Promise<void> {
  await page.clock.install();
  await page.addInitScript(countFetches);
  await page.goto('/');
  await ready(page.locator('lesson-player'));
}

/**
 * A fresh `<lesson-player lang>` in place of the page's, the file matching `pattern` failing with `fault`. A timeout
 * holds the clock until the file is asked for and every other one has arrived, then moves it past the player's
 * default timeout.
 */
async function mountWithFault(page: Page, pattern: string, fault: Fault, lang: Lang, binary: 'video' | 'image' | null = null): Promise<Locator> {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  let asked = false;
  await page.route(pattern, (route) => {
    asked = true;
    return applyFault(route, fault, binary);
  });
  const holdClock = fault === 'timeout' && !binary;
  if (holdClock) await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await page.evaluate((lang) => {
    const old = document.querySelector('lesson-player')!;
    const player = document.createElement('lesson-player');
    player.id = old.id;
    player.setAttribute('lesson', old.getAttribute('lesson')!);
    player.setAttribute('lang', lang);
    old.replaceWith(player);
  }, lang);
  if (holdClock) {
    // A lesson's tracks are asked for in the same task once the manifest is read, its notes once the lesson has
    // painted, a frame later on the paused clock: when the failing file has been asked for and is the only fetch
    // left, the others have arrived, and only its timer is due.
    await expect
      .poll(async () => {
        if (!asked) await page.clock.runFor(FRAME_MS);
        return asked && (await fetchesInFlight(page)) === 1;
      })
      .toBe(true);
    await page.clock.fastForward(FETCH_TIMEOUT_MS);
    await page.clock.resume();
  }
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
    await openDemo(page);
    for (const [i, fault] of file.faults.entries()) {
      const lang: Lang = i % 2 ? 'en' : 'fr';
      const message = file.binary
        ? MEDIA_MESSAGES[file.kind as 'media' | 'poster'][lang]
        : fault === 'truncated'
          ? TRUNCATED[file.kind]?.[lang]
          : TEXT_MESSAGES[fault][lang];
      if (!message) continue;
      await test.step(`${fault} (${lang})`, async () => {
        const player = await mountWithFault(page, file.pattern, fault, lang, file.binary);
        await expectProblem(player, lang, file.kind, file.path, message);
        await file.stillWorks(player, page);
      });
    }
  });
}

test('media: when the first source fails the player falls back to the second and plays', async ({ page }) => {
  await page.route('**/media/survivre-en-milieu-hostile.webm', (route) => applyFault(route, 'status 404', 'video'));
  await page.goto('/');
  const player = page.locator('lesson-player');
  await ready(player);
  await videoLoads(page);
  expect(await page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.currentSrc)).toMatch(/\.mp4$/);
  await expect(player.getByRole('alert')).toHaveCount(0);
});
