/**
 * The lesson is ready (transcript, chapters, video) without waiting for its note files, one per chapter; they
 * arrive together afterwards, and a request for a note made meanwhile is honoured once they are there, as is
 * following the playing chapter in the notes' box.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMedia } from './fixtures.ts';

/** Holds the note files back, as a slow network would; the function returned lets them through. */
async function holdNotes(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/chapters/notes/**/*.md', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('notes arriving after the lesson is ready: the transcript works meanwhile, then the notes show and a Notes request made meanwhile lands on its note', async ({ page, openLesson }) => {
  const release = await holdNotes(page);
  const player = await openLesson();
  await waitForMedia(page);
  expect(await player.evaluate((el: any) => el.controller.notesLoading)).toBe(true);
  await expect(player.locator('lesson-notes .note')).toHaveCount(0);

  // The transcript is interactive while the notes are held.
  const line = player.locator('lesson-transcript .line').nth(3);
  await line.click();
  await expect(line).toHaveAttribute('aria-current', 'true');

  // Asked for a note before the notes are there: answered when they arrive.
  const title = 'La crise politique';
  await player.getByRole('navigation', { name: 'Chapitres' }).getByRole('button', { name: `Notes : ${title}` }).click();
  release();
  const section = player.locator('lesson-notes').getByRole('region', { name: title, exact: true });
  const heading = section.getByRole('heading', { name: title, level: 3 });
  await expect(heading).toBeFocused();
  await expect(section.locator('.note-body')).not.toBeEmpty();
  expect(await player.evaluate((el: any) => el.controller.notesLoading)).toBe(false);
  // The media was not mounted again for the same lesson: still one video, the line still current.
  await expect(player.locator('video')).toHaveCount(1);
  await expect(line).toHaveAttribute('aria-current', 'true');
});

test('a chapter that became current before the notes arrived is followed in the notes box once they are', async ({ page, openLesson }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const release = await holdNotes(page);
  const player = await openLesson();
  await waitForMedia(page);
  const chapter = 'le-plus-que-parfait';
  await player.evaluate((el: any, id: string) => el.seek(el.chapters.find((c: any) => c.id === id).start + 0.5), chapter);
  await expect(player.locator('lesson-chapters [aria-current="true"]')).toContainText('Le plus-que-parfait');
  await expect(player.locator('lesson-notes .note-body')).toHaveCount(0);
  release();
  const scroller = player.locator('lesson-notes .scroller');
  await expect(scroller.locator(`[data-chapter="${chapter}"]`)).toHaveAttribute('aria-current', 'true');
  // The playing chapter's note at the top of the notes' own box (it scrolls on a wide screen).
  const offset = () =>
    scroller.evaluate((box, id) => {
      const section = box.querySelector(`[data-chapter="${id}"]`)!;
      return Math.round(section.getBoundingClientRect().top - box.getBoundingClientRect().top);
    }, chapter);
  await expect.poll(offset).toBeLessThan(5);
});
