/**
 * The lesson is ready (transcript, chapters, video) without waiting for its note files, one per chapter; they
 * arrive together afterwards, and a request for a note made meanwhile is honoured once they are there.
 */
import { expect, test, waitForMedia } from './fixtures.ts';

test('notes arriving after the lesson is ready: the transcript works meanwhile, then the notes show and a Notes request made meanwhile lands on its note', async ({ page, openLesson }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/chapters/notes/**/*.md', async (route) => {
    await held;
    await route.continue();
  });
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
