/**
 * Streaming: the demo lesson, its HLS ladder (media/survivre-en-milieu-hostile/hls/: 360p, 720p) listed first in its
 * manifest, its WebM and MP4 after (the committed manifest lists the progressive files only: see README,
 * "Streaming (HLS)"; each test routes the manifest with the stream added). In Chromium it plays
 * through hls.js, bundled in a chunk of the site's own; the quality menu works by keyboard in both languages; a
 * stream that fails gives way to the progressive file, where it stopped, with the learner told; and the player
 * adapts to the network (DevTools protocol throttling). Every request to another host is refused and fails the test.
 *
 * Served as a site would serve it: the build behind nginx with the project's configuration (hosting/, the `nginx`
 * fixture), so the playlists, segments and ranges travel with the types and headers a real host sends.
 */
import type { Page } from '@playwright/test';
import { axeViolations, menusSettled } from './a11y-helpers.ts';
import { DEMO_MANIFEST, expect, pauseWithControls, playMuted, test as base, waitForMedia } from './fixtures.ts';

/** The demo lesson's manifest with its HLS ladder listed first, in every test of this file. */
const test = base.extend<{ streamingLesson: void }>({
  baseURL: async ({ nginx }, use) => use(nginx.origin),
  streamingLesson: [
    async ({ page }, use) => {
      await page.route(DEMO_MANIFEST, async (route) => {
        const manifest = await (await route.fetch()).json();
        manifest.media.unshift({ src: '../media/survivre-en-milieu-hostile/hls/master.m3u8', type: 'application/vnd.apple.mpegurl' });
        await route.fulfill({ json: manifest });
      });
      await use();
    },
    { auto: true },
  ],
});

/**
 * Refuses every request to another origin than the site's, and every `<link rel=preconnect|dns-prefetch>` to one
 * (a connection without a request): returns what was tried, checked at the end of each test.
 */
async function guardOrigins(page: Page, origin: string): Promise<() => Promise<string[]>> {
  const outside: string[] = [];
  await page.context().route(
    (url) => url.origin !== origin,
    (route) => {
      outside.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return async () => [
    ...outside,
    ...(await page.evaluate((own) => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="preconnect"], link[rel~="dns-prefetch"]')]
      .map((link) => link.href)
      .filter((href) => new URL(href).origin !== own), origin)),
  ];
}

interface StreamState {
  provider: string | null;
  source: string;
  heights: number[];
  height: number | null;
  auto: boolean;
}

/** What Vidstack plays: its provider (hls.js or the native video), the source, the rungs and the one showing. */
function stream(page: Page): Promise<StreamState> {
  return page.evaluate(() => {
    type Player = { provider: { type: string } | null; qualities: { toArray(): { height: number }[] }; state: { source: { src: unknown }; quality: { height: number } | null; autoQuality: boolean } };
    const player = document.querySelector('lesson-player')!.shadowRoot!.querySelector('media-player') as unknown as Player;
    return {
      provider: player.provider?.type ?? null,
      source: String(player.state.source?.src ?? ''),
      heights: player.qualities.toArray().map((q) => q.height),
      height: player.state.quality?.height ?? null,
      auto: player.state.autoQuality,
    };
  });
}

/** The name of the element holding the focus, through shadow roots. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Arrow keys down the open menu, one item at a time (each press waits for the focus to move), until one matches. */
async function arrowTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const current = await focusedName(page);
    if (name.test(current)) return;
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedName(page)).not.toBe(current);
  }
  expect(await focusedName(page)).toMatch(name);
}

test('the lesson streams through the bundled hls.js, transcript in step, quality menu by keyboard, no other host', async ({ page, openLesson, baseURL }) => {
  const outside = await guardOrigins(page, new URL(baseURL!).origin);
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  const player = await openLesson();
  await waitForMedia(page);
  await expect.poll(() => stream(page)).toMatchObject({ provider: 'hls', source: `${baseURL}/media/survivre-en-milieu-hostile/hls/master.m3u8`, heights: [360, 720] });
  // hls.js came as a chunk of the site, loaded once an HLS source was chosen.
  expect(scripts.filter((path) => /\/hls-[\w-]+\.js$/.test(path))).toHaveLength(1);

  // Playing: the transcript marks the line being said.
  await playMuted(page);
  await page.waitForFunction(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.currentTime > 1.5);
  await expect(player.locator('lesson-transcript [aria-current="true"]')).toHaveCount(1);
  await pauseWithControls(player);

  // Settings → Quality → 360p, by keyboard; then back to Auto.
  const settings = player.getByRole('button', { name: 'Paramètres' });
  await settings.focus();
  await page.keyboard.press('Enter');
  await menusSettled(page);
  await arrowTo(page, /^Qualité/);
  await page.keyboard.press('Enter');
  await menusSettled(page);
  await expect(player.getByRole('menuitemradio', { name: /^Auto/ })).toHaveAttribute('aria-checked', 'true');
  await expect(player.getByRole('menuitemradio', { name: /^720p 0,92 Mbit\/s$/ })).toBeVisible();
  await arrowTo(page, /^360p/);
  await page.keyboard.press('Enter');
  await expect.poll(() => stream(page)).toMatchObject({ height: 360, auto: false });
  await expect(player.getByRole('menuitemradio', { name: /^360p/ })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedName(page)).toBe('Paramètres');

  expect(await outside()).toEqual([]);
});

/** The rung and number of each video segment requested, in order. */
/**
 * The media segments the page requests, in order. `requests` says for each who asked (`xhr`: hls.js; `media`: the
 * browser's own HLS player) and when, in ms from the log's start: a failure then says where an unexpected rung came from.
 */
function segmentLog(page: Page): { rungs: string[]; numbers: number[]; requests: string[] } {
  const log = { rungs: [] as string[], numbers: [] as number[], requests: [] as string[] };
  const start = Date.now();
  page.on('request', (r) => {
    const segment = /\/hls\/(\d+p)\/(\d+)\.m4s$/.exec(r.url());
    if (!segment) return;
    log.rungs.push(segment[1]!);
    log.numbers.push(Number(segment[2]));
    log.requests.push(`${segment[1]}/${segment[2]} ${r.resourceType()} +${Date.now() - start} ms`);
  });
  return log;
}

test('on an open network the player climbs to the highest rung; the quality menu in English', async ({ page, baseURL }) => {
  const outside = await guardOrigins(page, new URL(baseURL!).origin);
  // Open network: Auto climbs from 360p (where hls.js starts) to 720p once the first segment has measured it.
  const segments = segmentLog(page);
  await page.goto('/');
  const player = page.locator('lesson-player').first();
  await player.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  await waitForMedia(page);
  await playMuted(page);
  // What hls.js loads is its choice; what shows follows when playback reaches it: a second into that 720p segment.
  await expect.poll(() => segments.rungs.at(-1)).toBe('720p');
  const at = segments.numbers.at(-1)! * 6 + 1;
  await page.evaluate((seconds) => (document.querySelector('lesson-player') as HTMLElement & { seek(s: number): void }).seek(seconds), at);
  await expect.poll(() => stream(page)).toMatchObject({ provider: 'hls', height: 720, auto: true });

  // The menu in English: 360p, then Auto takes the choice back.
  await pauseWithControls(player);
  await player.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await menusSettled(page);
  await arrowTo(page, /^Quality/);
  await page.keyboard.press('Enter');
  await menusSettled(page);
  await expect(player.getByRole('menuitemradio', { name: /^720p 0\.92 Mbit\/s$/ })).toBeVisible();
  // The open quality menu (its radios, their names, the focus ring) as axe-core sees it.
  expect(await axeViolations(page)).toEqual([]);
  await arrowTo(page, /^360p/);
  await page.keyboard.press('Enter');
  await expect.poll(() => stream(page)).toMatchObject({ height: 360, auto: false });
  await arrowTo(page, /^Auto/);
  await page.keyboard.press('Enter');
  await expect.poll(() => stream(page)).toMatchObject({ auto: true });

  expect(await outside()).toEqual([]);
});

test('under 600 kbit/s (DevTools throttling) the player stays on the lowest rung', async ({ page, openLesson, baseURL }) => {
  const outside = await guardOrigins(page, new URL(baseURL!).origin);
  // The network slows down when the stream starts (its master playlist is asked for), once the player's scripts are
  // in: at that rate they alone would take 15 s. The declared 915 kbit/s of 720p never fits.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await page.route('**/hls/master.m3u8', async (route) => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 600_000 / 8, uploadThroughput: 600_000 / 8 });
    await route.continue();
  });
  const segments = segmentLog(page);
  await openLesson();
  await waitForMedia(page);
  await playMuted(page);
  // Each segment's download measured the network: four in, through hls.js, none chose 720p.
  // (What Vidstack shows as the current quality is not checked here: on this slow start it sometimes stays unset,
  // its level list not filled; an open problem, reported.)
  await expect.poll(() => segments.rungs.length).toBeGreaterThanOrEqual(4);
  expect(new Set(segments.rungs), segments.requests.join(', ')).toEqual(new Set(['360p']));
  expect(await stream(page)).toMatchObject({ provider: 'hls' });
  expect(await outside()).toEqual([]);
});

/** The player's clock, once the video has it. */
const videoTime = (page: Page) => page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.currentTime);

test('at 600 kbit/s from the page\'s load on, the stream starts playing and goes on (a slow train wi-fi)', async ({ page, openLesson, baseURL }) => {
  // Everything at that rate: the page, the player's scripts, hls.js's chunk, the poster and the segments.
  test.setTimeout(120_000);
  const outside = await guardOrigins(page, new URL(baseURL!).origin);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 600_000 / 8, uploadThroughput: 600_000 / 8 });
  const segments = segmentLog(page);
  await openLesson();
  // Play asked for as soon as the lesson is ready, hls.js still on its way (as a learner's click would).
  const played = page.evaluate(() => {
    const lesson = document.querySelector('lesson-player') as HTMLElement & { play(): Promise<void> };
    return lesson.play();
  });
  await page.evaluate(() => (document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.muted = true));
  await played;
  // Past two segments of 6 s: playback started and went on, through hls.js, on the lowest rung.
  await expect.poll(() => videoTime(page), { timeout: 60_000 }).toBeGreaterThan(13);
  expect(await stream(page)).toMatchObject({ provider: 'hls', source: `${baseURL}/media/survivre-en-milieu-hostile/hls/master.m3u8` });
  expect(new Set(segments.rungs), segments.requests.join(', ')).toEqual(new Set(['360p']));
  expect(await outside()).toEqual([]);
});

const FALLBACK_MESSAGE = {
  fr: 'le flux adaptatif n’a pas pu être lu\u00a0: la vidéo continue depuis le fichier complet',
  en: 'the adaptive stream could not be played: the video goes on from the full file',
};

test.describe('a stream that fails gives way to the progressive file, the learner told, the lesson working', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });

  test('a missing master playlist: the WebM plays, the learner is told in French, transcript, chapters and notes work', async ({ page, openLesson, baseURL }) => {
    const outside = await guardOrigins(page, new URL(baseURL!).origin);
    await page.route('**/hls/master.m3u8', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    const player = await openLesson();
    await expect.poll(() => stream(page)).toMatchObject({ source: `${baseURL}/media/survivre-en-milieu-hostile.webm` });
    const alert = player.getByRole('alert');
    await expect(alert).toContainText('Problème dans la vidéo (/media/survivre-en-milieu-hostile/hls/master.m3u8)');
    await expect(alert).toContainText(FALLBACK_MESSAGE.fr);
    await waitForMedia(page);
    await player.locator('lesson-transcript .line').nth(8).click();
    await expect.poll(() => videoTime(page)).toBeGreaterThan(5);
    await player.getByRole('navigation', { name: 'Chapitres' }).getByRole('button', { name: /^Le règne des process \d+:\d\d/ }).click();
    await expect.poll(() => videoTime(page)).toBeGreaterThan(60);
    await player.getByRole('navigation', { name: 'Chapitres' }).getByRole('button', { name: 'Notes : Le règne des process' }).click();
    await expect(player.locator('lesson-notes').getByRole('heading', { name: 'Le règne des process', level: 3 })).toBeFocused();
    expect(await outside()).toEqual([]);
  });

  test('a missing segment: the WebM goes on from where the stream stopped, playing, the learner told in English', async ({ page, baseURL }) => {
    const outside = await guardOrigins(page, new URL(baseURL!).origin);
    // The segments of 24–30 s answer 404 in every rung.
    await page.route(/\/hls\/(360p|720p)\/004\.m4s$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await page.goto('/');
    const player = page.locator('lesson-player').first();
    await player.evaluate((el) => el.setAttribute('lang', 'en'));
    await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
    await waitForMedia(page);
    await expect.poll(() => stream(page)).toMatchObject({ provider: 'hls' });
    // Play from 19 s: hls.js loads 30 s ahead, so the missing segment is asked for at once, while play() is pending
    // (the browser then rejects that promise: a new source is loading).
    await page.evaluate(() => {
      const lesson = document.querySelector('lesson-player') as HTMLElement & { seek(s: number): void; play(): Promise<void> };
      lesson.shadowRoot!.querySelector('video')!.muted = true;
      lesson.seek(19);
      void lesson.play().catch(() => undefined);
    });
    await expect.poll(() => stream(page), { timeout: 20_000 }).toMatchObject({ source: `${baseURL}/media/survivre-en-milieu-hostile.webm` });
    await expect(player.getByRole('alert')).toContainText(FALLBACK_MESSAGE.en);
    await expect.poll(() => videoTime(page)).toBeGreaterThan(20);
    await expect.poll(() => page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.paused)).toBe(false);
    await expect(player.locator('lesson-transcript [aria-current="true"]')).toHaveCount(1);
    expect(await outside()).toEqual([]);
  });
});

test.describe('segments the browser cannot read', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource/] });

  test('one recovery, then the WebM, the learner told', async ({ page, openLesson, baseURL }) => {
    const outside = await guardOrigins(page, new URL(baseURL!).origin);
    // Every video segment from the second on, in every rung, its boxes intact and its samples' bytes scrambled:
    // Chromium's demuxer refuses each as it is appended ("Failed to prepare video sample for decode"). One segment
    // would not do: after its recovery hls.js may give up on that segment alone and play on past it (when no other
    // rung is left to try it in), so whether a second fault comes would depend on the rungs the network chose.
    await page.route(/\/hls\/(360p|720p)\/0(0[1-9]|[1-3]\d)\.m4s$/, async (route) => {
      const body = Buffer.from(await (await route.fetch()).body());
      const mdat = body.indexOf('mdat');
      for (let i = mdat + 4; i < body.length; i++) body[i] = (body[i]! * 31 + i) & 0xff;
      await route.fulfill({ status: 200, contentType: 'video/iso.segment', body });
    });
    // The media attached to the stream, by hls.js (heard in the shadow roots, where Vidstack's events stay).
    await page.addInitScript(() => {
      const seen = window as unknown as { streamAttaches: number };
      seen.streamAttaches = 0;
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attachShadow.call(this, init);
        root.addEventListener('hls-media-attached', () => seen.streamAttaches++, true);
        return root;
      };
    });
    const player = await openLesson();
    await waitForMedia(page);
    await page.evaluate(() => {
      const lesson = document.querySelector('lesson-player') as HTMLElement & { play(): Promise<void> };
      lesson.shadowRoot!.querySelector('video')!.muted = true;
      void lesson.play().catch(() => undefined);
    });
    await expect.poll(() => stream(page), { timeout: 20_000 }).toMatchObject({ source: `${baseURL}/media/survivre-en-milieu-hostile.webm` });
    // The stream was recovered (the media attached to it afresh) before it was left.
    expect(await page.evaluate(() => (window as unknown as { streamAttaches: number }).streamAttaches)).toBeGreaterThanOrEqual(2);
    await expect(player.getByRole('alert')).toContainText(FALLBACK_MESSAGE.fr);
    expect(await outside()).toEqual([]);
  });
});

test('the stream plays under the strict CSP (/csp.html) without a violation: no worker, no blob: script', async ({ page, openLesson }) => {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
  });
  await openLesson('/csp.html');
  await waitForMedia(page);
  await playMuted(page);
  await expect.poll(() => stream(page)).toMatchObject({ provider: 'hls' });
  await page.waitForFunction(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.currentTime > 1);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});
