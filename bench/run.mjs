#!/usr/bin/env node
/**
 * npm run bench — the performance figures of issue #7, each as a ratio to a baseline measured in the same run.
 *
 *   weight  initial JS (gzip) of the player ÷ Vidstack's player + default layout alone, same bundler and config;
 *           the library entry's static import graph ÷ the demo page's initial JS
 *   sync    lag between a cue's start on the media clock and its transcript line marked current, in real
 *           playback (Chromium, muted, --rate×), ÷ the same controller and transcript clocked by `timeupdate`
 *   seek    click on a line → line marked, relative to the media's `seeked`
 *   stream  HLS ÷ the progressive WebM, same run: time to lesson-ready and to the first frame, media bytes fetched
 *           by 10 s of playback, on an open network and at 600 kbit/s (bench/lib/stream.mjs); the transcript's sync
 *           lag with each (bench/lib/sync.mjs, as in sync)
 *   scale   a generated 3-hour lesson (4 000 cues, 60 chapters, notes) ÷ the 4-minute lesson: load to an
 *           interactive transcript, per-frame sync cost (÷ 50 cues), scrolling, DOM nodes, JS heap
 *   cli     the compiled command line: `--help` and `lint` of the demo lesson, wall and CPU time
 *   phone   4× CPU throttling, 1.6 Mbit/s and 150 ms round trip: first video frame and interactive transcript ÷
 *           Vidstack's player alone (bench/lib/phone.mjs)
 *   idle    a paused lesson, nothing happening: animation frames asked for and Chromium's processor time, ÷ the same
 *           page built without the patch of Vidstack's visibility checks (bench/lib/idle.mjs)
 *
 * Options: --repeat N (runs of the load, frame-cost, scroll and stream figures; medians reported, default 3),
 *          --rate R (playback rate of the sync runs, default 4), --only weight,sync,seek,scale,stream,cli,phone,idle
 * Writes bench/results.json. Builds go to bench/.build (never dist/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { DISABLE_FEATURES_ARG, findChromium } from '../tests/e2e/chromium.mjs';
import { generateLesson } from './generate-long-lesson.mjs';
import { buildVariant, ROOT } from './lib/build.mjs';
import { median, summary } from './lib/stats.mjs';
import { measureCli } from './lib/cli.mjs';
import { measureIdle } from './lib/idle.mjs';
import { measurePhone } from './lib/phone.mjs';
import { measureStream, streamFirst } from './lib/stream.mjs';
import { measureSync } from './lib/sync.mjs';
import { measureModuleGraph, measureWeight } from './lib/weight.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const REPEAT = Math.max(1, Number(option('repeat', 3)));
const RATE = Number(option('rate', 4));
const ONLY = new Set(option('only', 'weight,sync,seek,scale,stream,cli,phone,idle').split(','));
const SHORT = '/lessons/survivre-en-milieu-hostile.json';
const LONG = '/long/long.json';
const SMALL = '/small50/small50.json';
const log = (message) => process.stderr.write(`${message}\n`);
const round = (n, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

const results = { date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length }, options: { repeat: REPEAT, rate: RATE } };

// ——— Builds ———
log('building: the player, Vidstack alone, the bench pages…');
const appDir = await buildVariant('app', { index: 'index.html' });
const vidstackDir = await buildVariant('vidstack', { vidstack: 'bench/pages/vidstack-only.html' });
const pagesDir = await buildVariant('pages', {
  player: 'bench/pages/player.html',
  timeupdate: 'bench/pages/timeupdate.html',
  frameCost: 'bench/pages/frame-cost.html',
});
generateLesson(resolve(pagesDir, 'long'), { cues: 4000, chapters: 60, duration: 10800, id: 'long' });
// 50 cues at the long lesson's density (one cue every 2.7 s), for the per-frame cost baseline.
generateLesson(resolve(pagesDir, 'small50'), { cues: 50, chapters: 1, duration: 135, id: 'small50' });

// ——— 1. Weight ———
if (ONLY.has('weight')) {
  const app = measureWeight(appDir, 'index.html');
  const base = measureWeight(vidstackDir, 'bench/pages/vidstack-only.html');
  results.weight = {
    player: app,
    vidstackAlone: base,
    initialJsRatio: app.initialJsGzip / base.initialJsGzip,
    // The player carries Vidstack's CSS inside its JS (for its shadow root); the baseline ships it as a .css file.
    initialJsCssRatio: (app.initialJsGzip + app.initialCssGzip) / (base.initialJsGzip + base.initialCssGzip),
    totalJsRatio: app.totalJsGzip / base.totalJsGzip,
    // `import 'lesson-player'` / its script tag: the library entry and its static imports, ÷ the demo page's initial JS.
    library: measureModuleGraph(resolve(appDir, 'lib/lesson-player.js')),
  };
  results.weight.libraryRatio = results.weight.library.gzip / app.initialJsGzip;
}

// ——— The command line ———
if (ONLY.has('cli')) {
  log('timing the command line…');
  results.cli = await measureCli(Math.max(REPEAT, 5));
}

// ——— Browser runs ———
const serve = (outDir, port) => preview({ root: ROOT, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: false } });
const server = await serve(pagesDir, 4480);
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const found = findChromium();
const browser = await chromium.launch({
  executablePath: found.bundled ? undefined : found.path,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--autoplay-policy=no-user-gesture-required', '--enable-precise-memory-info', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', DISABLE_FEATURES_ARG],
});
const probe = readFileSync(resolve(import.meta.dirname, 'lib/probe.js'), 'utf8');
// Vidstack alone is its own build (as for the weight), served beside the player's the same way: the baseline of the
// slow phone and of the long tasks.
const vidstackServer = ONLY.has('phone') || ONLY.has('scale') ? await serve(vidstackDir, 4489) : null;
const vidstackBase = vidstackServer?.resolvedUrls.local[0].replace(/\/$/, '');

/** `prepare` sets the page up before it loads (e.g. its routes); `origin` serves it (the bench pages' by default). */
async function open(path, prepare, origin = base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(probe);
  await prepare?.(page);
  page.on('pageerror', (error) => log(`page error on ${path}: ${error.message}`));
  await page.goto(`${origin}${path}`);
  return page;
}

/**
 * Waits until the lesson is ready, the transcript shows its lines and the media can play. (A lesson of more than
 * 400 lines builds only the lines near the transcript's view: see `b.transcriptShown`.)
 */
async function waitForLesson(page) {
  await page.waitForFunction(() => {
    const b = window.__bench;
    const video = b.find('video');
    return b.readyAt !== null && b.transcriptShown() && video && video.readyState >= 3;
  }, null, { timeout: 60_000, polling: 50 });
}

/** The transcript's sync lag on a page (bench/lib/sync.mjs), played to its end at RATE. */
async function runSync(path, prepare) {
  const page = await open(path, prepare);
  await waitForLesson(page);
  const run = await measureSync(page, RATE);
  await page.close();
  return run;
}

try {
  // ——— 2. Sync lag ———
  if (ONLY.has('sync')) {
    log(`sync: playing the 229 s lesson at ${RATE}× (rAF clock, then timeupdate baseline)…`);
    const ours = await runSync(`/bench/pages/player.html?lesson=${SHORT}`);
    const baseline = await runSync(`/bench/pages/timeupdate.html?lesson=${SHORT}`);
    results.sync = {
      ours: { ...ours, lagsWall: undefined },
      timeupdate: { ...baseline, lagsWall: undefined },
      p95WallRatio: ours.off.p95 / baseline.off.p95,
      p95Frames: ours.off.p95 / ours.frame.p50,
    };
  }

  // ——— 4. Seek response ———
  if (ONLY.has('seek')) {
    log('seek: clicking transcript lines…');
    const page = await open(`/bench/pages/player.html?lesson=${SHORT}`);
    await waitForLesson(page);
    const seeks = await page.evaluate(async () => {
      const b = window.__bench;
      const video = b.find('video');
      const root = b.transcriptRoot();
      const count = b.find('lesson-transcript').controller.cues.length;
      const targets = [5, 50, 12, 40, 30, 2, 61, 20, 55, 8].filter((i) => i < count);
      const out = [];
      for (const index of targets) {
        let markedAt = null;
        let markedIndex = null;
        const stop = b.observeMarks((i, wall) => {
          markedAt ??= wall;
          markedIndex ??= i;
        });
        const seeked = new Promise((resolve) => video.addEventListener('seeked', () => resolve(performance.now()), { once: true }));
        const clickAt = performance.now();
        root.querySelector(`.row[data-index="${index}"] .line`).click();
        const seekedAt = await seeked;
        await b.frame();
        stop();
        out.push({ index, markedIndex, markMinusClickMs: markedAt - clickAt, markMinusSeekedMs: markedAt - seekedAt });
        await b.frame();
      }
      return out;
    });
    await page.close();
    // In 60 Hz frames: negative means the line was marked before the media reported the seek done.
    const frames = seeks.map((s) => s.markMinusSeekedMs / (1000 / 60));
    results.seek = {
      clicks: seeks.length,
      allMarkedTheClickedLine: seeks.every((s) => s.markedIndex === s.index),
      markAfterClickMs: summary(seeks.map((s) => s.markMinusClickMs)),
      markAfterSeekedFrames: summary(frames),
    };
  }

  // ——— 5. Streaming ———
  if (ONLY.has('stream')) {
    results.stream = await measureStream(browser, base, SHORT, REPEAT, log);
    // The sync lag while streaming, against the progressive WebM, same run (the target: p95 ≤ 20 ms of wall time).
    log(`stream: sync lag at ${RATE}×, HLS then WebM…`);
    const path = `/bench/pages/player.html?lesson=${SHORT}`;
    const [hls, webm] = [await runSync(path, (page) => streamFirst(page, SHORT)), await runSync(path)];
    results.stream.sync = { hls: { ...hls, lagsWall: undefined }, webm: { ...webm, lagsWall: undefined } };
  }

  // ——— 6. A slow phone ———
  if (ONLY.has('phone')) {
    results.phone = await measurePhone(browser, { playerUrl: `${base}/bench/pages/player.html?lesson=${SHORT}`, vidstackUrl: `${vidstackBase}/bench/pages/vidstack-only.html`, probe }, REPEAT, log);
  }

  // ——— 3. Scale ———
  if (ONLY.has('scale')) {
    const loadRun = async (lesson) => {
      const page = await open(`/bench/pages/player.html?lesson=${lesson}`);
      const cdp = await page.context().newCDPSession(page);
      const timing = await page.evaluate(async () => {
        const b = window.__bench;
        // Ready: lesson-ready fired and the transcript shows its lines (all of them, or those near its view).
        while (!(b.readyAt !== null && b.transcriptShown())) await b.frame();
        const renderedAt = performance.now();
        // Interactive: the reader scrolls the transcript to its end and clicks the last line, which moves the
        // mark (the controller marks the seek target at once). The last line may have to be built first.
        const root = b.transcriptRoot();
        const scroller = root.querySelector('.scroller');
        const last = b.readyDetail.cues - 1;
        const lastLine = () => root.querySelector(`.row[data-index="${last}"] .line`);
        // A reader's scroll (wheel, touch, scrollbar, keys) stops following the spoken line; a bare scrollTop would
        // not, and following would bring the view back to it.
        scroller.dispatchEvent(new WheelEvent('wheel', { bubbles: true }));
        while (!lastLine()) {
          scroller.scrollTop = scroller.scrollHeight;
          await b.frame();
        }
        let markedAt = null;
        let markedIndex = null;
        const stop = b.observeMarks((i, wall) => ((markedAt ??= wall), (markedIndex ??= i)));
        lastLine().click();
        while (markedAt === null) await b.frame();
        stop();
        // Main-thread tasks over 50 ms from navigation to interactive (a task still running then is not over yet).
        const longTasks = b.longTasks.filter(([start]) => start < markedAt);
        return { readyAt: b.readyAt, renderedAt, interactiveAt: markedAt, markedIndex, lines: b.readyDetail.cues, builtLines: b.rows(), longTasks };
      });
      // Memory and DOM once the player has settled, its notes in (they come after the lesson is interactive).
      const notesAt = await page.evaluate(async () => {
        while (!window.__bench.notesShown()) await window.__bench.frame();
        return performance.now();
      });
      await page.waitForTimeout(500);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const nodes = await page.evaluate(() => window.__bench.countNodes());
      // Scrolling the transcript from top to bottom in 120 frames, while following is off (as a reader's scroll).
      const scroll = await page.evaluate(async () => {
        const b = window.__bench;
        const scroller = b.transcriptRoot().querySelector('.scroller');
        scroller.dispatchEvent(new WheelEvent('wheel', { bubbles: true }));
        scroller.scrollTop = 0;
        await b.frame();
        await b.frame();
        const steps = 120;
        const distance = scroller.scrollHeight - scroller.clientHeight;
        const times = [await b.frame()];
        for (let i = 1; i <= steps; i++) {
          scroller.scrollTop = (distance * i) / steps;
          times.push(await b.frame());
        }
        return { distance, intervals: times.slice(1).map((t, i) => t - times[i]) };
      });
      await page.close();
      return { ...timing, notesAt, heapUsedMB: heap.usedSize / 2 ** 20, nodes, scroll: { distancePx: scroll.distance, ...summary(scroll.intervals) } };
    };
    const frameCost = async (lesson) => {
      const page = await open(`/bench/pages/frame-cost.html?lesson=${lesson}`);
      await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
      await page.evaluate(() => window.runFrames(60)); // warm-up: JIT, first layouts
      const run = await page.evaluate(() => window.runFrames(60));
      await page.close();
      return { ...run, perFrameUs: (run.totalMs / run.frames) * 1000, perChangeFrameUs: (run.changeMs / run.changeFrames) * 1000, perIdleFrameUs: ((run.idleMs) / (run.frames - run.changeFrames)) * 1000 };
    };
    // The baseline of the long-task figure: Vidstack's player alone, from navigation to the moment it is ready for
    // its learner (the video can play).
    const vidstackTasks = async () => {
      const page = await open('/bench/pages/vidstack-only.html', undefined, vidstackBase);
      const longTasks = await page.evaluate(async () => {
        const b = window.__bench;
        let video;
        while (!(video = b.find('video')) || video.readyState < 3) await b.frame();
        const canPlayAt = performance.now();
        return b.longTasks.filter(([start]) => start < canPlayAt);
      });
      await page.close();
      return { longTasks };
    };
    const short = [];
    const long = [];
    const small = [];
    const big = [];
    const alone = [];
    for (let i = 0; i < REPEAT; i++) {
      log(`scale: run ${i + 1}/${REPEAT} (load the 4-min and 3-h lessons and Vidstack alone, per-frame cost with 50 and 4 000 cues)…`);
      short.push(await loadRun(SHORT));
      long.push(await loadRun(LONG));
      alone.push(await vidstackTasks());
      small.push(await frameCost(SMALL));
      big.push(await frameCost(LONG));
    }
    const med = (runs, pick) => median(runs.map(pick));
    const loadSummary = (runs) => ({
      lines: runs[0].lines,
      builtLinesAtInteractive: runs[0].builtLines,
      readyMs: med(runs, (r) => r.readyAt),
      renderedMs: med(runs, (r) => r.renderedAt),
      interactiveMs: med(runs, (r) => r.interactiveAt),
      notesMs: med(runs, (r) => r.notesAt),
      markedIndexAfterLastLineClick: runs[0].markedIndex,
      nodes: med(runs, (r) => r.nodes),
      heapUsedMB: med(runs, (r) => r.heapUsedMB),
      scrollFrameMs: { p50: med(runs, (r) => r.scroll.p50), p95: med(runs, (r) => r.scroll.p95), max: med(runs, (r) => r.scroll.max), distancePx: runs[0].scroll.distancePx },
      runs: runs.map((r) => round(r.interactiveAt, 1)),
      longTasks: longTaskSummary(runs),
    });
    const longTaskSummary = (runs) => ({
      count: med(runs, (r) => r.longTasks.length),
      maxMs: med(runs, (r) => Math.max(0, ...r.longTasks.map(([, duration]) => duration))),
      runs: runs.map((r) => r.longTasks.map(([start, duration]) => [round(start, 0), round(duration, 0)])),
    });
    const costSummary = (runs) => ({
      cues: runs[0].cues,
      frames: runs[0].frames,
      changeFrames: runs[0].changeFrames,
      perFrameUs: med(runs, (r) => r.perFrameUs),
      perChangeFrameUs: med(runs, (r) => r.perChangeFrameUs),
      perIdleFrameUs: med(runs, (r) => r.perIdleFrameUs),
      runs: runs.map((r) => round(r.perFrameUs, 3)),
    });
    const shortLoad = loadSummary(short);
    const longLoad = loadSummary(long);
    const smallCost = costSummary(small);
    const bigCost = costSummary(big);
    results.scale = {
      media: 'the 229 s stand-in WebM for every lesson (a seek past its end is clamped to it)',
      short: shortLoad,
      long: longLoad,
      vidstackAloneLongTasks: longTaskSummary(alone),
      loadRatio: longLoad.interactiveMs / shortLoad.interactiveMs,
      frameCost: { cues50: smallCost, cues4000: bigCost, ratio: bigCost.perFrameUs / smallCost.perFrameUs, changeFrameRatio: bigCost.perChangeFrameUs / smallCost.perChangeFrameUs },
      nodesRatio: longLoad.nodes / shortLoad.nodes,
      heapRatio: longLoad.heapUsedMB / shortLoad.heapUsedMB,
    };
  }
  if (ONLY.has('idle')) {
    log('idle: building the demo page without the visibility patch…');
    const unpatchedDir = await buildVariant('app-unpatched', { index: 'index.html' }, ['vidstack-visibility']);
    const servers = [await serve(appDir, 4490), await serve(unpatchedDir, 4491)];
    try {
      const [patched, unpatched] = servers.map((s) => s.resolvedUrls.local[0]);
      results.idle = await measureIdle(browser, { player: patched, unpatched }, REPEAT, log);
    } finally {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.httpServer.close(resolve))));
    }
  }
} finally {
  await browser.close();
  await Promise.all([server, vidstackServer].filter(Boolean).map((s) => new Promise((resolve) => s.httpServer.close(resolve))));
}

writeFileSync(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

// ——— Table ———
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const rows = [];
const row = (figure, value, baseline, ratio, target) => rows.push([figure, value, baseline, ratio === null ? '' : round(ratio, 2).toString(), target]);
const { weight: w, sync: s, seek: k, scale: c, cli } = results;
if (w) {
  row('initial JS (gzip)', kb(w.player.initialJsGzip), kb(w.vidstackAlone.initialJsGzip), w.initialJsRatio, '≤ 1.25');
  row('initial JS + CSS (gzip)', kb(w.player.initialJsGzip + w.player.initialCssGzip), kb(w.vidstackAlone.initialJsGzip + w.vidstackAlone.initialCssGzip), w.initialJsCssRatio, '≤ 1.10');
  row(`library entry + static imports (${w.library.files} files, gzip)`, kb(w.library.gzip), `${kb(w.player.initialJsGzip)} (demo page JS)`, w.libraryRatio, '≈ 1');
  row('all JS incl. lazy chunks (gzip)', kb(w.player.totalJsGzip), kb(w.vidstackAlone.totalJsGzip), w.totalJsRatio, '');
  row('CSS files (gzip)', kb(w.player.totalCssGzip), kb(w.vidstackAlone.totalCssGzip), null, '');
}
/** A lag's p50 / p95 / max. */
const f = (x) => `${round(x.p50, 1)} / ${round(x.p95, 1)} / ${round(x.max, 1)} ms`;
/** How early the earliest line was marked (a negative lag), or none. */
const early = (x) => (x.earliest < 0 ? `${round(-x.earliest, 1)} ms early` : 'none early');
if (s) {
  row(`sync lag, wall, early or late, p50/p95/max (${s.ours.cues} cues, ${RATE}×)`, f(s.ours.off), f(s.timeupdate.off), s.p95WallRatio, 'p95 ≤ 20 ms');
  row('sync lag, wall, signed p50/p95/max; earliest', `${f(s.ours.wall)}; ${early(s.ours)}`, `${f(s.timeupdate.wall)}; ${early(s.timeupdate)}`, null, '');
  row('sync lag, media time p50/p95/max', f(s.ours.media), f(s.timeupdate.media), null, '');
  row('cues never marked', String(s.ours.missed), String(s.timeupdate.missed), null, '0');
  row('frame interval during playback p50', `${round(s.ours.frame.p50, 1)} ms`, `${round(s.timeupdate.frame.p50, 1)} ms`, null, '');
}
if (k) {
  row('seek: mark after click p50/max', `${round(k.markAfterClickMs.p50, 2)} / ${round(k.markAfterClickMs.max, 2)} ms`, '', null, '');
  row('seek: mark vs seeked, frames (max)', `${round(k.markAfterSeekedFrames.max, 2)}`, '', null, '≤ 1');
}
if (c) {
  row('load → interactive transcript', `${round(c.long.interactiveMs, 0)} ms (4000)`, `${round(c.short.interactiveMs, 0)} ms (62)`, c.loadRatio, '≤ 1.5');
  row('per-frame sync cost (mean)', `${round(c.frameCost.cues4000.perFrameUs, 2)} µs (4000)`, `${round(c.frameCost.cues50.perFrameUs, 2)} µs (50)`, c.frameCost.ratio, '≤ 2');
  row('  … on frames where the cue changes', `${round(c.frameCost.cues4000.perChangeFrameUs, 0)} µs`, `${round(c.frameCost.cues50.perChangeFrameUs, 0)} µs`, c.frameCost.changeFrameRatio, '');
  row('scroll frame p50/p95/max', `${round(c.long.scrollFrameMs.p50, 1)} / ${round(c.long.scrollFrameMs.p95, 1)} / ${round(c.long.scrollFrameMs.max, 1)} ms`, `${round(c.short.scrollFrameMs.p50, 1)} / ${round(c.short.scrollFrameMs.p95, 1)} / ${round(c.short.scrollFrameMs.max, 1)} ms`, null, '');
  const tasks = (x) => `${x.longTasks.count} / ${round(x.longTasks.maxMs, 0)} ms`;
  row('long tasks (> 50 ms) to interactive, count / max', `${tasks(c.long)} (4000)`, `${tasks(c.short)} (62)`, null, 'none');
  row('  … Vidstack alone, to can play', '', tasks({ longTasks: c.vidstackAloneLongTasks }), null, '');
  row('notes shown (after interactive)', `${round(c.long.notesMs, 0)} ms (60 notes)`, `${round(c.short.notesMs, 0)} ms (9)`, null, '');
  row('DOM nodes (document + shadow roots)', String(c.long.nodes), String(c.short.nodes), c.nodesRatio, '');
  row('JS heap after load', `${round(c.long.heapUsedMB, 1)} MB`, `${round(c.short.heapUsedMB, 1)} MB`, c.heapRatio, '');
}
const t = results.stream;
if (t) {
  // A stalled run (no 10 s played within 90 s) has no times: it says so instead.
  const ms = (x) => (Number.isFinite(x) ? `${round(x, 0)} ms` : 'stalled');
  const ratio = (a, b) => (Number.isFinite(a / b) ? a / b : null);
  for (const net of ['Open', 'Throttled']) {
    const [h, p] = [t[`hls${net}`], t[`progressive${net}`]];
    const label = net === 'Open' ? 'open network' : `${t.throttleKbits} kbit/s`;
    row(`HLS vs WebM, ${label}: lesson-ready`, ms(h.readyMs ?? NaN), ms(p.readyMs ?? NaN), ratio(h.readyMs, p.readyMs), '');
    row(`HLS vs WebM, ${label}: first frame`, ms(h.firstFrameMs ?? NaN), ms(p.firstFrameMs ?? NaN), ratio(h.firstFrameMs, p.firstFrameMs), '');
    row(`HLS vs WebM, ${label}: media bytes by 10 s played`, kb(h.mediaBytes10s), kb(p.mediaBytes10s), ratio(h.mediaBytes10s, p.mediaBytes10s), '');
  }
  if (t.sync) {
    const { hls, webm } = t.sync;
    row(`HLS vs WebM: sync lag, wall, early or late, p50/p95/max (${hls.cues} cues, ${RATE}×, missed ${hls.missed}/${webm.missed})`, f(hls.off), f(webm.off), ratio(hls.off.p95, webm.off.p95), 'p95 ≤ 20 ms');
    row('HLS vs WebM: sync lag, wall, signed p50/p95/max; earliest', `${f(hls.wall)}; ${early(hls)}`, `${f(webm.wall)}; ${early(webm)}`, null, '');
  }
}
const p = results.phone;
if (p) {
  const ms = (x) => `${round(x, 0)} ms`;
  const on = `${p.conditions.cpuRate}× CPU, ${p.conditions.downKbits / 1000} Mbit/s, ${p.conditions.rttMs} ms RTT`;
  row(`phone (${on}): first video frame`, ms(p.player.firstFrameMs), ms(p.vidstackAlone.firstFrameMs), p.firstFrameRatio, '≤ 1.15');
  row('phone: video can play', ms(p.player.canPlayMs), ms(p.vidstackAlone.canPlayMs), p.canPlayRatio, '');
  row('phone: transcript shown (÷ Vidstack can play)', ms(p.player.transcriptMs), ms(p.vidstackAlone.canPlayMs), p.transcriptRatio, '≤ 1.15');
}
const idle = results.idle;
if (idle) {
  const [a, b] = [idle.player, idle.unpatched];
  row('paused lesson: animation frames asked for in 2 s', String(a.framesIn2s), `${b.framesIn2s} (unpatched)`, null, '0');
  if (a.cpuSecondsIn4s !== null) row("paused lesson: Chromium's processor time in 4 s", `${round(a.cpuSecondsIn4s, 2)} s`, `${round(b.cpuSecondsIn4s, 2)} s (unpatched)`, a.cpuSecondsIn4s / b.cpuSecondsIn4s, '');
}
if (cli) {
  const t = (x) => `${round(x.wallS, 2)} s wall, ${round(x.cpuS, 2)} s CPU`;
  row('lesson-player --help (compiled)', t(cli.help), '', null, '≤ 0.3 s');
  row('lesson-player lint, demo lesson', t(cli.lint), '', null, '≤ 1 s');
  row('tsx in dependencies', cli.tsxInDependencies ? 'yes' : 'no', '', null, 'no');
}
const header = ['figure', 'lesson-player', 'baseline', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log([line(header), `|${widths.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
console.log(`\nbench/results.json written (repeat ${REPEAT}, sync at ${RATE}×).`);
