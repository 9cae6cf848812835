/**
 * A long lesson's transcript (bench/generate-long-lesson.mjs: 4 000 cues, 60 chapters) is windowed: only the
 * lines near its view, the spoken line, the tab stop and the current search match are in the DOM. Every feature
 * must still reach every line: the keyboard, the spoken line's mark and following, search, the chapter headings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
// @ts-ignore - plain ES module of the benchmark
import { generateLesson } from '../../bench/generate-long-lesson.mjs';
import { DEMO_MANIFEST, expect, test, waitForMedia } from './fixtures.ts';

const CUES = 4000;
const CHAPTERS = 60;
let dir = '';

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'long-lesson-'));
  generateLesson(dir, { cues: CUES, chapters: CHAPTERS, duration: 10800, id: 'long' });
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves the generated lesson in place of the demo's (its media stays the demo's, beside it). */
async function openLongLesson(page: Page, openLesson: (path?: string) => Promise<Locator>) {
  await page.route(DEMO_MANIFEST, (route) => route.fulfill({ path: join(dir, 'long.json'), contentType: 'application/json' }));
  await page.route(/\/lessons\/(long\.[a-z.]+\.vtt|notes\/.+\.md)$/, (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^.*\/lessons\//, '');
    return route.fulfill({ path: join(dir, name), contentType: name.endsWith('.vtt') ? 'text/vtt; charset=utf-8' : 'text/markdown; charset=utf-8' });
  });
  const player = await openLesson();
  await waitForMedia(page);
  const transcript = player.getByRole('region', { name: 'Transcription' });
  await expect(transcript.locator('.row').first()).toBeVisible();
  const cues: { start: number; text: string }[] = await player.evaluate((el: any) => el.cues.map((c: any) => ({ start: c.start, text: c.text })));
  return { player, transcript, cues };
}

const rowCount = (transcript: Locator) => transcript.locator('.row').count();
/** Far fewer lines than the lesson's: the window is a few blocks of at most 100 lines. */
const BOUND = 600;

async function isInsideScroller(transcript: Locator, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const frame = await transcript.locator('[part="lines"]').boundingBox();
  if (!box || !frame) return false;
  return box.y >= frame.y - 1 && box.y + box.height <= frame.y + frame.height + 1;
}

test('only the lines near the view are built; every chapter heading is there; scrolling builds and empties blocks', async ({ page, openLesson }) => {
  const { transcript, cues } = await openLongLesson(page, openLesson);
  expect(cues).toHaveLength(CUES);
  await expect(transcript.getByRole('heading', { level: 3 })).toHaveCount(CHAPTERS);
  expect(await rowCount(transcript)).toBeLessThan(BOUND);
  await expect(transcript.locator('.row[data-index="3999"]')).toHaveCount(0);

  const scroller = transcript.locator('[part="lines"]');
  // Scroll to the middle, then to the end: the lines there appear, those of the beginning go.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect.poll(() => rowCount(transcript)).toBeGreaterThan(0);
  await expect.poll(async () => {
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    return transcript.locator('.row[data-index="3999"]').count();
  }).toBe(1);
  await expect(transcript.getByRole('button', { name: new RegExp(cues[CUES - 1]!.text.split('\n')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  await expect.poll(() => transcript.locator('.row[data-index="500"]').count()).toBe(0);
  expect(await rowCount(transcript)).toBeLessThan(BOUND);
});

test('the keyboard reaches every line: End builds the last block and focuses its line, Home comes back', async ({ page, openLesson }) => {
  const { transcript } = await openLongLesson(page, openLesson);
  // One tab stop in the list, on a line that exists.
  await expect(transcript.locator('.line[tabindex="0"]')).toHaveCount(1);
  await transcript.locator('.line[tabindex="0"]').focus();
  await page.keyboard.press('End');
  const focusedIndex = () => page.evaluate(() => {
    const root = document.querySelector('lesson-player')!.shadowRoot!.querySelector('lesson-transcript')!.shadowRoot!;
    return Number((root.activeElement as HTMLElement | null)?.closest<HTMLElement>('.row')?.dataset.index ?? -1);
  });
  await expect.poll(focusedIndex).toBe(CUES - 1);
  await expect.poll(() => isInsideScroller(transcript, transcript.locator('.row[data-index="3999"] .line'))).toBe(true);
  await expect(transcript.locator('.line[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('PageUp');
  await expect.poll(focusedIndex).toBe(CUES - 11);
  await page.keyboard.press('Home');
  await expect.poll(focusedIndex).toBe(0);
  // The last block went with the focus; the DOM stays bounded.
  await expect.poll(() => transcript.locator('.row[data-index="3999"]').count()).toBe(0);
  expect(await rowCount(transcript)).toBeLessThan(BOUND);
  // The focused line keeps its copy button (C copies; the button names the moment).
  await expect(transcript.locator('.row[data-index="0"] .copy')).toHaveAttribute('aria-label', /^Copier le lien vers /);
});

test('a seek marks a line whose block was not built and follows it into view', async ({ page, openLesson }) => {
  const { player, transcript, cues } = await openLongLesson(page, openLesson);
  // The stand-in video lasts 229 s: seek within it, far below the first screen of lines.
  const target = cues.findIndex((c) => c.start >= 200);
  await player.evaluate((el: any, t: number) => el.seek(t), cues[target]!.start + 0.1);
  const line = transcript.locator(`.row[data-index="${target}"] .line`);
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect(transcript.locator('[aria-current="true"]')).toHaveCount(1);
  await expect.poll(() => isInsideScroller(transcript, line)).toBe(true);
  await expect(transcript.locator(`.row[data-index="${target}"] .copy`)).toHaveCount(1);
  expect(await rowCount(transcript)).toBeLessThan(BOUND);
});

test('search counts matches in the whole text; next builds the target line, paints it and scrolls to it', async ({ page, openLesson }) => {
  const { transcript, cues } = await openLongLesson(page, openLesson);
  // The last cue's first sentence: found far from the lines built at first.
  const query = cues[CUES - 1]!.text.split('\n')[0]!.replace(/\.$/, '');
  const expected = cues.filter((c) => c.text.toLowerCase().includes(query.toLowerCase())).length;
  expect(expected).toBeGreaterThan(0);
  const search = transcript.getByRole('searchbox');
  await search.fill(query);
  await expect(transcript.locator('#search-status')).toHaveText(new RegExp(`^1 sur ${expected}$`));
  await search.press('Shift+Enter');
  const current = transcript.locator('.row.is-current-match .line');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(query);
  await expect.poll(() => isInsideScroller(transcript, current)).toBe(true);
  // The current match is painted with the highlight API over a line that was not built when the search began.
  const painted = await page.evaluate(() => (CSS as any).highlights.get('lesson-transcript-current-match')?.size ?? 0);
  expect(painted).toBe(1);
  expect(await rowCount(transcript)).toBeLessThan(BOUND);
});
