/**
 * Status messages (WCAG 4.1.3, RGAA 4.13): what the player's polite live region says, and that saying it never
 * moves the focus. Loading errors go to the problems list (role="alert"), tested in player.spec.ts.
 */
import type { Page } from '@playwright/test';
import { expect, playMuted, test, waitForMedia } from './fixtures.ts';

const liveRegion = (page: Page) => page.locator('lesson-player').locator('.lesson > [role="status"][aria-live="polite"]');

/** Records every text the live region shows from now on. */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.querySelector('lesson-player')!.shadowRoot!.querySelector('.lesson > [role="status"]')!;
    const seen: string[] = ((window as any).__announced = []);
    new MutationObserver(() => {
      const text = region.textContent!.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as any).__announced as string[]);
}

test('a chapter change during playback is announced once, and the cues in between are not', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const { second, cuesAfter } = await player.evaluate((el: any) => {
    const second = el.chapters[1];
    return { second, cuesAfter: el.cues.filter((c: any) => c.start >= second.start).slice(0, 2).map((c: any) => c.index) };
  });
  // A seek while paused says nothing by itself.
  await player.evaluate((el: any, t: number) => el.seek(t), second.start - 0.8);
  await expect.poll(() => player.evaluate((el: any) => el.activeChapter.index)).toBe(0);
  const announced = await recordAnnouncements(page);
  await playMuted(page);
  await expect(liveRegion(page)).toHaveText(`Chapitre : ${second.title}`);
  // Let a few cues of the new chapter go by: the region keeps the chapter's message only.
  await expect.poll(() => player.evaluate((el: any) => el.activeCue.index), { timeout: 15_000 }).toBeGreaterThanOrEqual(cuesAfter[1]);
  expect(await announced()).toEqual([`Chapitre : ${second.title}`]);
});

test('search counts and "no result" are announced while the focus stays in the field', async ({ page, openLesson }) => {
  const player = await openLesson();
  const field = player.getByRole('searchbox', { name: 'Rechercher dans la transcription' });
  await field.focus();
  await page.keyboard.type('process');
  await expect(liveRegion(page)).toHaveText(/^1 sur \d+$/);
  await expect(field).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(liveRegion(page)).toHaveText(/^2 sur \d+$/);
  await expect(field).toBeFocused();
  await field.fill('zzyzx');
  await expect(liveRegion(page)).toHaveText('Aucun résultat');
  await expect(field).toBeFocused();
});

test('the live region is polite and atomic, and the problems list is an alert', async ({ page, openLesson }) => {
  await page.route('**/captions/survivre-en-milieu-hostile.en.vtt', (route) => route.fulfill({ status: 200, contentType: 'text/vtt', body: 'NOT VTT\n' }));
  const player = await openLesson();
  await expect(liveRegion(page)).toHaveAttribute('aria-atomic', 'true');
  await expect(player.getByRole('alert')).toContainText('survivre-en-milieu-hostile.en.vtt');
});
