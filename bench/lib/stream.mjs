/**
 * The streaming figures of issue #16, HLS against the progressive files in the same run: time to `lesson-ready` and
 * to the first video frame (muted playback asked for at `lesson-ready`), and the media bytes fetched from the page's
 * start to 10 s of playback, on an open network and at 600 kbit/s (DevTools throttling from `lesson-ready` on: the
 * player's scripts arrive at full speed, hls.js's chunk and the media at that rate). Each run is a fresh browser
 * context (cold cache). HLS: the demo manifest with its ladder listed first; progressive: the manifest as committed.
 */
import { median } from './stats.mjs';

const THROTTLE_KBITS = 600;
const MEDIA = /\.(m3u8|m4s|mp4|webm)(\?|$)/;

/** The manifest at `lesson` with its stream listed first (the committed one lists the progressive files only). */
export function streamFirst(page, lesson) {
  return page.route((url) => url.pathname === lesson, async (route) => {
    const manifest = await (await route.fetch()).json();
    manifest.media.unshift({ src: '../media/survivre-en-milieu-hostile/hls/master.m3u8', type: 'application/vnd.apple.mpegurl' });
    await route.fulfill({ json: manifest });
  });
}

async function run(browser, base, lesson, { progressive, throttled }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (!progressive) await streamFirst(page, lesson);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  let mediaBytes = 0;
  let counting = true;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  // Counted as they arrive, so that a download still under way at 10 s counts as far as it came (media are sent
  // uncompressed: the bytes received are the bytes on the wire, headers aside).
  cdp.on('Network.dataReceived', (e) => counting && MEDIA.test(urls.get(e.requestId) ?? '') && (mediaBytes += e.dataLength));
  await page.addInitScript(() => {
    window.__stream = { readyAt: null, frameAt: null };
    document.addEventListener('lesson-ready', () => (window.__stream.readyAt ??= performance.now()), true);
  });
  await page.goto(`${base}/bench/pages/player.html?lesson=${lesson}`);
  await page.waitForFunction(() => window.__stream.readyAt !== null, null, { timeout: 60_000, polling: 20 });
  if (throttled) {
    const rate = (THROTTLE_KBITS * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: rate, uploadThroughput: rate });
  }
  // A run that has not played 10 s within 90 s is reported as stalled, with what it had by then.
  const stalled = new Promise((resolve) => setTimeout(() => resolve({ readyAt: NaN, frameAt: NaN, stalled: true }), 90_000));
  const timing = await Promise.race([stalled, page.evaluate(async () => {
    const find = (selector, root = document) => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot && find(selector, el.shadowRoot)) return find(selector, el.shadowRoot);
      return null;
    };
    const player = document.querySelector('lesson-player');
    while (!find('video')) await new Promise((resolve) => requestAnimationFrame(resolve));
    const video = find('video');
    video.muted = true;
    const firstFrame = new Promise((resolve) => video.requestVideoFrameCallback((now) => resolve(now)));
    await player.play();
    const frameAt = await firstFrame;
    // 10 s of playback, by the media clock (a stall does not count).
    const from = video.currentTime;
    while (video.currentTime - from < 10 && !video.ended) await new Promise((resolve) => setTimeout(resolve, 100));
    return { readyAt: window.__stream.readyAt, frameAt };
  }).catch((error) => ({ readyAt: NaN, frameAt: NaN, stalled: true, error: String(error) }))]);
  counting = false;
  await context.close();
  return { ...timing, mediaBytes };
}

export async function measureStream(browser, base, lesson, repeat, log) {
  const out = {};
  for (const throttled of [false, true]) {
    for (const progressive of [false, true]) {
      const key = `${progressive ? 'progressive' : 'hls'}${throttled ? 'Throttled' : 'Open'}`;
      const runs = [];
      for (let i = 0; i < repeat; i++) {
        log(`stream: ${key} run ${i + 1}/${repeat}…`);
        runs.push(await run(browser, base, lesson, { progressive, throttled }));
      }
      out[key] = {
        stalledRuns: runs.filter((r) => r.stalled).length,
        readyMs: median(runs.map((r) => r.readyAt)),
        firstFrameMs: median(runs.map((r) => r.frameAt)),
        mediaBytes10s: median(runs.map((r) => r.mediaBytes)),
      };
    }
  }
  return { throttleKbits: THROTTLE_KBITS, ...out };
}
