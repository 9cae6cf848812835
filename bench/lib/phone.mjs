/**
 * The slow-phone figures of issue #18: a page load with the DevTools protocol's CPU throttling at 4× and a network of
 * 1.6 Mbit/s down, 750 kbit/s up and 150 ms round trip (Lighthouse's "slow 4G" phone), cache disabled, for the player
 * on the 4-minute lesson and for Vidstack's player alone (bench/pages/vidstack-only.html, the same WebM), each from
 * its own build served the same way. Measured from navigation start:
 *
 *   first frame   the video's first `loadeddata` (the frame at the current position is decoded: what a paused
 *                 player shows), no play asked for on either page
 *   can play      the video's first `canplay`
 *   transcript    (player only) `lesson-ready` and the transcript showing its lines, as in the scale section
 *
 * The ratio for the transcript is to Vidstack's `canplay`: the moment the player alone is ready for its learner.
 */
import { median } from './stats.mjs';

export const PHONE = { cpuRate: 4, downKbits: 1600, upKbits: 750, rttMs: 150 };

/** Injected before any page script: finds the video (in any shadow root) each frame and notes its first events. */
function watchVideo() {
  const marks = { videoAt: null, firstFrameAt: null, canPlayAt: null };
  window.__phone = marks;
  const find = (root) => {
    const hit = root.querySelector('video');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const found = el.shadowRoot && find(el.shadowRoot);
      if (found) return found;
    }
    return null;
  };
  const look = () => {
    const video = find(document);
    if (!video) return requestAnimationFrame(look);
    marks.videoAt = performance.now();
    const note = (key, state) => {
      if (video.readyState >= state) marks[key] ??= performance.now();
      else video.addEventListener(state === 2 ? 'loadeddata' : 'canplay', () => (marks[key] ??= performance.now()), { once: true });
    };
    note('firstFrameAt', 2);
    note('canPlayAt', 3);
  };
  requestAnimationFrame(look);
}

/** One cold page load under the phone's conditions; `probe` (bench/lib/probe.js) when the page has a transcript. */
async function run(browser, url, probe) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.rttMs,
    downloadThroughput: (PHONE.downKbits * 1000) / 8,
    uploadThroughput: (PHONE.upKbits * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuRate });
  if (probe) await page.addInitScript(probe);
  await page.addInitScript(watchVideo);
  await page.goto(url, { waitUntil: 'commit' });
  const marks = await page.evaluate(async (transcript) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const m = window.__phone;
    let transcriptAt = null;
    // Checked each frame, the transcript's layout only once the lesson is ready (a cheap test before that).
    while (m.firstFrameAt === null || m.canPlayAt === null || (transcript && transcriptAt === null)) {
      await frame();
      if (transcript && transcriptAt === null && window.__bench.readyAt !== null && window.__bench.transcriptShown()) transcriptAt = performance.now();
    }
    return { ...m, readyAt: transcript ? window.__bench.readyAt : null, transcriptAt };
  }, Boolean(probe));
  await context.close();
  return marks;
}

/** Runs each page `repeat` times, alternating, and gives the medians. */
export async function measurePhone(browser, { playerUrl, vidstackUrl, probe }, repeat, log) {
  const player = [];
  const vidstack = [];
  for (let i = 0; i < repeat; i++) {
    log(`phone: run ${i + 1}/${repeat} (4× CPU, 1.6 Mbit/s, 150 ms RTT: the player, then Vidstack alone)…`);
    player.push(await run(browser, playerUrl, probe));
    vidstack.push(await run(browser, vidstackUrl, null));
  }
  const med = (runs, key) => median(runs.map((r) => r[key]));
  const ours = { firstFrameMs: med(player, 'firstFrameAt'), canPlayMs: med(player, 'canPlayAt'), readyMs: med(player, 'readyAt'), transcriptMs: med(player, 'transcriptAt') };
  const base = { firstFrameMs: med(vidstack, 'firstFrameAt'), canPlayMs: med(vidstack, 'canPlayAt') };
  return {
    conditions: PHONE,
    player: { ...ours, runs: player },
    vidstackAlone: { ...base, runs: vidstack },
    firstFrameRatio: ours.firstFrameMs / base.firstFrameMs,
    canPlayRatio: ours.canPlayMs / base.canPlayMs,
    transcriptRatio: ours.transcriptMs / base.canPlayMs,
  };
}
