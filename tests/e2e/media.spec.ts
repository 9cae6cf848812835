// The committed stand-in media play in the browser and last as long as the chapter and caption tracks say.
import { expect, test } from '@playwright/test';
// @ts-ignore - plain ES module shared with playwright.config.ts
import { findTestChromium } from './chromium.mjs';

const SLUG = 'survivre-en-milieu-hostile';

/** End time (s) of the last cue of a WebVTT file, as fetched from the server. */
async function lastCueEnd(page: import('@playwright/test').Page, url: string): Promise<number> {
  const { status, text } = await page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, text: await r.text() };
  }, url);
  expect(status, url).toBe(200);
  expect(text.startsWith('WEBVTT'), `${url} is not WebVTT (is dist/ built?)`).toBe(true);
  const ends = [...text.matchAll(/-->\s*(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/g)].map(
    ([, h, m, s, ms]) => Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000,
  );
  expect(ends.length, url).toBeGreaterThan(0);
  return Math.max(...ends);
}

const SOURCES = [
  { file: `${SLUG}.webm`, type: 'video/webm; codecs="vp9, opus"' },
  { file: `${SLUG}.mp4`, type: 'video/mp4; codecs="avc1.4d401f, mp4a.40.2"' },
];

// Playwright's own Chromium build has no H.264/AAC decoders (Debian's chromium, used by CI, has them): there the MP4
// cannot be tested for playback, and a test below checks instead that the player falls back to the WebM.
const H264_DECODERS = !findTestChromium().bundled;

for (const { file, type } of SOURCES.filter((s) => H264_DECODERS || !s.type.startsWith('video/mp4'))) {
  test(`${file} loads, plays muted and lasts as long as its tracks`, async ({ page }) => {
    await page.goto('/');

    const chaptersEnd = await lastCueEnd(page, `/chapters/${SLUG}.fr.vtt`);
    const captionsEnd = await lastCueEnd(page, `/captions/${SLUG}.fr.vtt`);
    expect(captionsEnd).toBeLessThanOrEqual(chaptersEnd);

    const result = await page.evaluate(
      async ({ src, type }) => {
        const video = document.createElement('video');
        const canPlay = video.canPlayType(type);
        video.muted = true;
        video.preload = 'auto';
        video.src = src;
        document.body.append(video);
        const loaded = await new Promise<string>((resolve) => {
          video.addEventListener('loadedmetadata', () => resolve('ok'), { once: true });
          video.addEventListener('error', () => resolve(`error ${video.error?.code}: ${video.error?.message}`), { once: true });
        });
        if (loaded !== 'ok') return { canPlay, loaded, duration: NaN, played: 0, width: 0 };
        await video.play();
        // Played half a second of media, however long that takes on a busy machine (the test's timeout bounds it);
        // an error or the end comes back at once, with the time reached.
        const played = await new Promise<number>((resolve) => {
          const done = () => resolve(video.currentTime);
          video.addEventListener('timeupdate', () => video.currentTime > 0.5 && done());
          video.addEventListener('error', done, { once: true });
          video.addEventListener('ended', done, { once: true });
        });
        video.pause();
        const duration = video.duration;
        const width = video.videoWidth;
        video.remove();
        return { canPlay, loaded, duration, played, width };
      },
      { src: `/media/${file}`, type },
    );

    expect(result.canPlay, `canPlayType(${type})`).not.toBe('');
    expect(result.loaded).toBe('ok');
    expect(result.width).toBe(1280);
    expect(result.played).toBeGreaterThan(0.5);
    expect(Math.abs(result.duration - chaptersEnd)).toBeLessThan(1);
    expect(Math.abs(result.duration - captionsEnd)).toBeLessThan(1);
  });
}

test('the poster and the thumbnails sprite are served as JPEG', async ({ page }) => {
  await page.goto('/');
  const types = await page.evaluate(async (slug) => {
    const get = async (u: string) => (await fetch(u)).headers.get('content-type');
    return [await get(`/media/${slug}.poster.jpg`), await get(`/media/${slug}.thumbnails.jpg`)];
  }, SLUG);
  expect(types).toEqual(['image/jpeg', 'image/jpeg']);
});

if (!H264_DECODERS) {
  test('without H.264 decoders the player plays the WebM', async ({ page }) => {
    await page.goto('/');
    const source = await page.waitForFunction(() => document.querySelector('lesson-player')?.shadowRoot?.querySelector('video')?.currentSrc);
    expect(await source.jsonValue()).toMatch(/\.webm$/);
  });
}

test('the seek bar’s thumbnails are fetched once the video can play, not while it loads', async ({ page }) => {
  const thumbnails: string[] = [];
  page.on('request', (request) => /\.thumbnails\.(vtt|jpg)$/.test(new URL(request.url()).pathname) && thumbnails.push(request.url()));
  // The video is held back: until it comes, it cannot play.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const videoAsked = new Promise<void>((resolve) => (asked = resolve));
  await page.route(/\/media\/[^/]+\.(webm|mp4)$/, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  await page.goto('/');
  // The lesson is ready, the layout and its seek bar are there, and Vidstack has asked for the video.
  await expect(page.locator('lesson-player media-time-slider')).toBeAttached();
  await videoAsked;
  expect(await page.locator('lesson-player video').evaluate((video: HTMLVideoElement) => video.readyState)).toBeLessThan(3);
  expect(thumbnails).toEqual([]);
  release();
  await expect.poll(() => thumbnails.some((url) => url.endsWith('.thumbnails.vtt'))).toBe(true);
});
