/**
 * The interactive transcript on the demo page: seeking from a line, following the media clock inside its own
 * scroll box (never the page), pausing and resuming the following, the keyboard alone, search, copy a link.
 */
import type { Locator, Page } from '@playwright/test';
import { formatDuration } from '../../src/core/time.ts';
import { expect, mediaTime, playMuted, test, waitForMedia } from './fixtures.ts';

interface CueInfo {
  index: number;
  start: number;
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cues(player: Locator): Promise<CueInfo[]> {
  return player.evaluate((el: any) => el.cues.map((c: any) => ({ index: c.index, start: c.start, text: c.text })));
}

/** The transcript region, found as a screen reader user finds it. */
function transcriptOf(player: Locator): Locator {
  return player.getByRole('region', { name: 'Transcription' });
}

/** A line of the transcript by its (first line of) text. */
function lineOf(transcript: Locator, cue: CueInfo): Locator {
  return transcript.getByRole('button', { name: new RegExp(escapeRegExp(cue.text.split('\n')[0]!)) });
}

/** Whether an element lies inside the transcript's scroll box (in its visible part). */
async function isInsideScroller(transcript: Locator, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const frame = await transcript.locator('[part="lines"]').boundingBox();
  if (!box || !frame) return false;
  return box.y >= frame.y - 1 && box.y + box.height <= frame.y + frame.height + 1;
}

async function setup(page: Page, openLesson: (path?: string) => Promise<Locator>) {
  const player = await openLesson();
  await waitForMedia(page);
  const transcript = transcriptOf(player);
  await expect(transcript.getByRole('heading', { level: 3 }).first()).toBeVisible();
  return { player, transcript, cues: await cues(player) };
}

test('clicking a line seeks to its cue and marks it as the current line', async ({ page, openLesson }) => {
  const { transcript, cues } = await setup(page, openLesson);
  const cue = cues[5]!;
  const line = lineOf(transcript, cue);
  await line.click();
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => mediaTime(page)).toBeCloseTo(cue.start, 1);
  await expect(transcript.locator('[aria-current="true"]')).toHaveCount(1);
});

test('during muted playback the current line follows the media clock, without scrolling the page', async ({ page, openLesson }) => {
  const { player, transcript, cues } = await setup(page, openLesson);
  const next = cues[3]!;
  await player.evaluate((el: any, t: number) => el.seek(t), next.start - 0.4);
  await expect(lineOf(transcript, cues[2]!)).toHaveAttribute('aria-current', 'true');
  const scrollY = await page.evaluate(() => window.scrollY);
  await playMuted(page);
  await expect(lineOf(transcript, next)).toHaveAttribute('aria-current', 'true', { timeout: 5000 });
  await expect(lineOf(transcript, cues[2]!)).not.toHaveAttribute('aria-current');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
});

test('following keeps the current line in the transcript box and never scrolls the page', async ({ page, openLesson }) => {
  const { player, transcript, cues } = await setup(page, openLesson);
  // Put the transcript in the middle of the window, so that any page scroll would show.
  await transcript.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 100));
  const scrollY = await page.evaluate(() => window.scrollY);
  const last = cues.at(-1)!;
  await player.evaluate((el: any, t: number) => el.seek(t), last.start);
  const line = lineOf(transcript, last);
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => isInsideScroller(transcript, line)).toBe(true);
  expect(await transcript.locator('[part="lines"]').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
});

test('a wheel scroll pauses following; "Reprendre le suivi" scrolls back to the current line', async ({ page, openLesson }) => {
  const { player, transcript, cues } = await setup(page, openLesson);
  const cue = cues[Math.floor(cues.length / 2)]!;
  await player.evaluate((el: any, t: number) => el.seek(t), cue.start);
  const line = lineOf(transcript, cue);
  await expect.poll(() => isInsideScroller(transcript, line)).toBe(true);
  const resume = transcript.getByRole('button', { name: 'Reprendre le suivi' });
  await expect(resume).toBeHidden();

  const scroller = transcript.locator('[part="lines"]');
  await scroller.hover();
  await page.mouse.wheel(0, 2000);
  await expect(resume).toBeVisible();
  await expect.poll(() => isInsideScroller(transcript, line)).toBe(false);

  await resume.click();
  await expect(resume).toBeHidden();
  await expect.poll(() => isInsideScroller(transcript, line)).toBe(true);
  await expect(line).toHaveAttribute('aria-current', 'true');
});

test('the keyboard alone: one tab stop, arrows move between lines, Enter seeks', async ({ page, openLesson }) => {
  const { transcript, cues } = await setup(page, openLesson);
  const search = transcript.getByRole('searchbox', { name: 'Rechercher dans la transcription' });
  await search.focus();
  // With no query, the match buttons are disabled: the next tab stop is the list, on its first (current) line.
  await page.keyboard.press('Tab');
  await expect(lineOf(transcript, cues[0]!)).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const target = lineOf(transcript, cues[3]!);
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => mediaTime(page)).toBeCloseTo(cues[3]!.start, 1);

  // End reaches the last line and keeps it in view inside the box.
  await page.keyboard.press('End');
  const last = lineOf(transcript, cues.at(-1)!);
  await expect(last).toBeFocused();
  await expect.poll(() => isInsideScroller(transcript, last)).toBe(true);
  // The list is one tab stop: Tab leaves it.
  await page.keyboard.press('Tab');
  expect(await transcript.locator('.line:focus').count()).toBe(0);
});

test('search finds "securitaire" without its accents, counts, and Enter seeks to the match', async ({ page, openLesson }) => {
  const { player, transcript, cues } = await setup(page, openLesson);
  // Record the seek bar marks the transcript asks for.
  await player.evaluate((el: any) => {
    const controller = el.controller;
    const setSliderMarks = controller.setSliderMarks.bind(controller);
    controller.marksSeen = [];
    controller.setSliderMarks = (times: number[], label: string) => {
      controller.marksSeen.push(times);
      setSliderMarks(times, label);
    };
  });
  const marks = () => player.evaluate((el: any) => el.controller.marksSeen.at(-1));
  const search = transcript.getByRole('searchbox', { name: 'Rechercher dans la transcription' });
  await search.fill('securitaire');
  const status = transcript.locator('#search-status');
  await expect(status).toHaveText(/^1 sur \d+$/);
  const match = cues.find((c) => /sécuritaire/i.test(c.text))!;
  expect(await marks()).toContain(match.start);
  await search.press('Enter');
  await expect.poll(() => mediaTime(page)).toBeCloseTo(match.start, 1);
  await expect(lineOf(transcript, match)).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => isInsideScroller(transcript, lineOf(transcript, match))).toBe(true);
  // The count is announced once typing settles, through the player's live region.
  await expect.poll(() => player.evaluate((el) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim())).toMatch(/^1 sur \d+$/);

  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(status).toHaveText('');
  expect(await marks()).toEqual([]);

  await search.fill('zzzzz');
  await expect(status).toHaveText('Aucun résultat');
});

test.describe('copy a link to a moment', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the line button and the C key copy the page address with #t=', async ({ page, openLesson }) => {
    const { player, transcript, cues } = await setup(page, openLesson);
    const cue = cues[4]!;
    const seconds = Math.floor(cue.start);
    await lineOf(transcript, cue).hover();
    await transcript.getByRole('button', { name: new RegExp(`^Copier le lien vers ${escapeRegExp(formatDuration(seconds))}$`) }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/#t=${seconds}`, page.url()).href);
    await expect.poll(() => player.evaluate((el) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim())).toBe('Lien copié');

    const other = cues[7]!;
    await lineOf(transcript, other).focus();
    await page.keyboard.press('c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/#t=${Math.floor(other.start)}`, page.url()).href);
  });
});

test('a transcript placed anywhere with for="player-id" follows that player', async ({ page, openLesson }) => {
  const { player, cues } = await setup(page, openLesson);
  const id = await player.getAttribute('id');
  await page.evaluate((playerId) => {
    const standalone = document.createElement('lesson-transcript');
    standalone.setAttribute('for', playerId!);
    standalone.id = 'standalone-transcript';
    document.querySelector('main')!.append(standalone);
  }, id);
  const transcript = transcriptOf(page.locator('#standalone-transcript'));
  const cue = cues[6]!;
  const line = lineOf(transcript, cue);
  await line.click();
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => mediaTime(page)).toBeCloseTo(cue.start, 1);
  // The player's own transcript shows the same line.
  await expect(lineOf(transcriptOf(player), cue)).toHaveAttribute('aria-current', 'true');
});
