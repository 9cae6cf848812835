/**
 * Shared Playwright fixtures: every test fails on a console error or an uncaught exception in the page (the demo
 * must run clean), and `lessonPage` opens the demo with the player ready. `nginx` (per worker, started only for the
 * tests that ask for it) serves the build with the project's nginx configuration (tests/e2e/nginx.ts).
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startNginx, type NginxServer } from './nginx.ts';

export interface LessonFixtures {
  /** Console errors and page errors seen so far; checked after each test. */
  consoleErrors: string[];
  /** Opens a page of the site (the demo by default) and waits for the lesson to be ready. */
  openLesson: (path?: string) => Promise<Locator>;
}

export interface WorkerFixtures {
  /** The build (E2E_DIST) served by nginx on a free port of 127.0.0.1; `origin` is its URL. */
  nginx: NginxServer;
}

export const test = base.extend<LessonFixtures & { allowConsoleErrors: RegExp[] }, WorkerFixtures>({
  allowConsoleErrors: [[], { option: true }],
  nginx: [
    async ({}, use) => {
      const server = await startNginx({ root: process.env.E2E_DIST ?? 'dist' });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page, allowConsoleErrors }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !allowConsoleErrors.some((re) => re.test(message.text()))) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await use(errors);
    expect(errors, 'console errors on the page').toEqual([]);
  },
  openLesson: async ({ page, consoleErrors }, use) => {
    void consoleErrors;
    await use(async (path = '/') => {
      await page.goto(path);
      const player = page.locator('lesson-player').first();
      await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
      return player;
    });
  },
});

export { expect };

/** Waits until the media can play, so that seeks apply at once. */
export async function waitForMedia(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const video = document.querySelector('lesson-player')?.shadowRoot?.querySelector('video');
    return !!video && video.readyState >= 2;
  });
}

/** The player's media clock. */
export function mediaTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.currentTime);
}

/** Starts muted playback at 4× through the public API of a player (in a frame too): watched time counts at that rate. */
export const playFast = (player: Locator) =>
  player.evaluate(async (el: any) => {
    const video = el.shadowRoot.querySelector('video');
    video.muted = true;
    video.playbackRate = 4;
    await el.play();
  });

/** Starts muted playback through the public API. */
export async function playMuted(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const player = document.querySelector('lesson-player')!;
    player.shadowRoot!.querySelector('video')!.muted = true;
    await player.play();
  });
}

/**
 * Pauses the video and waits until Vidstack shows its controls. While the video plays they hide after 2 s without a
 * pointer move, which on a busy machine comes before a click reaches them; paused, they stay, as for a person who
 * pauses to open a menu.
 */
export async function pauseWithControls(player: Locator): Promise<void> {
  await player.evaluate((el: HTMLElement & { pause(): void }) => el.pause());
  await expect(player.locator('media-player')).toHaveAttribute('data-controls', /.*/);
}

/** The demo lesson's manifest URL: tests replace it with routed manifests. */
export const DEMO_MANIFEST = '**/lessons/survivre-en-milieu-hostile.json';

/**
 * Serves the hostile corpus (tests/fixtures/hostile) in place of the demo lesson: `manifest` answers the demo's
 * manifest URL, and `/hostile/*` answers from the corpus. The media stay the demo's own.
 */
export async function serveHostileLesson(page: Page, manifest = 'lesson.json'): Promise<void> {
  const dir = new URL('../fixtures/hostile/', import.meta.url);
  await page.route(DEMO_MANIFEST, (route) => route.fulfill({ path: new URL(manifest, dir).pathname, contentType: 'application/json' }));
  await page.route('**/hostile/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^.*\/hostile\//, '');
    const type = name.endsWith('.vtt') ? 'text/vtt; charset=utf-8' : name.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/json';
    return route.fulfill({ path: new URL(name, dir).pathname, contentType: type });
  });
}
