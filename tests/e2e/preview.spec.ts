/**
 * The trainer's path: a lesson made with `lesson-player new` from a video, an SRT, an SBV and another player's chapter
 * files plays in `lesson-player preview` and in the embed page, with no problem shown to the learner.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.ts';
import { startPreview, type Preview } from '../../src/cli/preview-command.ts';
import { expect, playMuted, test } from './fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const formats = join(root, 'tests/fixtures/formats');
let dir: string;
let preview: Preview;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lesson-byo-'));
  const made = run(
    [
      'new', 'lesson', '--video', join(root, 'media/survivre-en-milieu-hostile.webm'), '--title', 'Survivre en milieu hostile',
      '--captions', `fr=${join(formats, 'subtitling-company.fr.srt')},en=${join(formats, 'youtube.en.sbv')}`,
      '--chapters', `fr=${join(formats, 'able-player.chapters.fr.vtt')},en=${join(formats, 'able-player.chapters.en.vtt')}`,
    ],
    dir,
  );
  expect(made.code, made.stderr).toBe(0);
  // Port 0: a free port, never one another test run might hold.
  preview = await startPreview(join(dir, 'lesson/lesson.json'), 0);
});

test.afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a lesson made with `new` plays in `preview` with no alert', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto(preview.url);
  const player = page.locator('lesson-player');
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Survivre en milieu hostile');
  await expect(player.locator('lesson-transcript').getByText('c’est l’été')).toBeVisible();
  await expect(player.locator('lesson-chapters').getByRole('button', { name: /Six mois plus tard/ })).toBeVisible();
  await expect(player.getByRole('alert')).toHaveCount(0);
  await page.waitForFunction(() => (document.querySelector('lesson-player')?.shadowRoot?.querySelector('video')?.readyState ?? 0) >= 2);
  await playMuted(page);
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(0.3);
  await player.evaluate((el: any) => el.pause());
});

test('the same lesson plays in the embed page with no alert', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.route('**/byo-lesson/**', (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*\/byo-lesson\//, ''));
    const type = rel.endsWith('.json') ? 'application/json' : rel.endsWith('.vtt') ? 'text/vtt; charset=utf-8' : 'video/webm';
    return route.fulfill({ body: readFileSync(join(dir, 'lesson', rel)), contentType: type });
  });
  await page.goto(`/embed.html?lesson=${encodeURIComponent('/byo-lesson/lesson.json')}&lang=en`);
  const player = page.locator('lesson-player');
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  // In English, the English chapter track, with the ids of the French one (paired by `new`).
  await expect.poll(() => player.evaluate((el: any) => el.chapters.map((c: any) => `${c.id}: ${c.title}`))).toEqual([
    'introduction: Introduction',
    'six-mois-plus-tard: Six months later',
  ]);
  await expect(player.getByRole('alert')).toHaveCount(0);
});
