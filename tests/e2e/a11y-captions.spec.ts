/**
 * Captions (RGAA 4.3/4.4, WCAG 1.2.2): the French track is exposed as `captions`, the caption style set in the
 * player's menu reaches our overlay and survives a reload, and captions never sit under the control bar.
 */
import { menusSettled } from './a11y-helpers.ts';
import { expect, test, waitForMedia } from './fixtures.ts';

test('the French track is "captions" (RGAA 4.3.2), the English one "subtitles", in the player and its menu', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const tracks = await player.evaluate((el: any) =>
    el.shadowRoot.querySelector('media-player').textTracks.toArray().filter((t: any) => t.kind !== 'chapters').map((t: any) => [t.language, t.kind]),
  );
  expect(tracks).toEqual([['fr', 'captions'], ['en', 'subtitles']]);
  // Each menu is used once it has opened (its animation settled), as a person sees it before choosing.
  await player.getByRole('button', { name: 'Paramètres' }).click();
  await menusSettled(page);
  await player.getByRole('menuitem', { name: /^Sous-titres/ }).click();
  await menusSettled(page);
  await expect(player.getByRole('menuitemradio', { name: 'Français' })).toBeVisible();
});

test('a larger caption size chosen in the menu by keyboard applies to the overlay and survives a reload', async ({ page, openLesson }) => {
  let player = await openLesson();
  await waitForMedia(page);
  await player.getByRole('button', { name: 'Sous-titres' }).first().click();
  const cue = await player.evaluate((el: any) => el.cues[2]);
  await player.evaluate((el: any, t: number) => el.seek(t), cue.start + 0.1);
  const overlay = player.locator('lesson-captions .cue');
  await expect(overlay).toBeVisible();
  const size = () => overlay.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();

  const settings = player.getByRole('button', { name: 'Paramètres' });
  await settings.focus();
  await page.keyboard.press('Enter');
  for (const name of [/^Accessibilité/, /^Style des sous-titres/]) {
    await menusSettled(page);
    await player.getByRole('menuitem', { name }).first().focus();
    await page.keyboard.press('Enter');
  }
  await menusSettled(page);
  const slider = player.getByRole('slider', { name: 'Taille' });
  await slider.focus();
  await expect(slider).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(size).toBeGreaterThan(before);

  await page.reload();
  player = page.locator('lesson-player');
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  await waitForMedia(page);
  await player.getByRole('button', { name: 'Sous-titres' }).first().click();
  await player.evaluate((el: any, t: number) => el.seek(t), cue.start + 0.1);
  await expect(overlay).toBeVisible();
  await expect.poll(size).toBeGreaterThan(before);
});

test('with the controls shown, the caption box stays above the control bar', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const cue = await player.evaluate((el: any) => el.cues.find((c: any) => c.text.includes('\n')) ?? el.cues[0]);
  await player.evaluate((el: any, t: number) => el.seek(t), cue.start + 0.1);
  await player.getByRole('button', { name: 'Sous-titres' }).first().click();
  await player.getByRole('button', { name: 'Lecture' }).focus();
  await expect(player.locator('media-player')).toHaveAttribute('data-controls', '');
  const overlay = player.locator('lesson-captions .cue');
  await expect(overlay).toBeVisible();
  await expect
    .poll(async () => {
      const box = (await overlay.boundingBox())!;
      const bar = (await player.locator('media-time-slider').boundingBox())!;
      return bar.y - (box.y + box.height);
    })
    .toBeGreaterThanOrEqual(0);
});
