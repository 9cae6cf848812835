/**
 * The idle figures: what a paused lesson costs once loaded, with nothing happening on the page. The demo page from
 * the build as shipped, against the same page built without the patch of Vidstack's visibility checks
 * (vite.vidstack-visibility.ts, src/media/visibility-watch.ts). For each, after the video can play and has stopped
 * loading and 1 s more: the animation frames the page asks for in 2 s, and the processor time of all of Chromium's
 * processes in 4 s (Linux's /proc; null elsewhere). One page open at a time, in the bench's browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { median } from './stats.mjs';

/** Processor seconds used so far by every Chromium process on the machine (the bench's browser is the only one). */
function chromiumCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return null;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!/chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  // USER_HZ is 100 on Linux.
  return ticks / 100;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function idleOnce(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => {
    const video = document.querySelector('lesson-player')?.shadowRoot?.querySelector('video');
    return !!video && video.readyState >= 2 && video.networkState === HTMLMediaElement.NETWORK_IDLE;
  }, null, { polling: 100, timeout: 60_000 });
  await pause(1000);
  const frames = await page.evaluate(async () => {
    let asked = 0;
    const request = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => (asked++, request.call(window, callback));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    window.requestAnimationFrame = request;
    return asked;
  });
  const before = chromiumCpuSeconds();
  await pause(4000);
  const after = chromiumCpuSeconds();
  await page.close();
  return { framesIn2s: frames, cpuSecondsIn4s: before === null ? null : after - before };
}

export async function measureIdle(browser, urls, repeat, log) {
  const result = {};
  for (const [name, url] of Object.entries(urls)) {
    const runs = [];
    for (let i = 0; i < repeat; i++) {
      log(`idle: ${name}, run ${i + 1}/${repeat}…`);
      runs.push(await idleOnce(browser, url));
    }
    result[name] = {
      framesIn2s: median(runs.map((r) => r.framesIn2s)),
      cpuSecondsIn4s: runs[0].cpuSecondsIn4s === null ? null : median(runs.map((r) => r.cpuSecondsIn4s)),
      runs,
    };
  }
  return result;
}
