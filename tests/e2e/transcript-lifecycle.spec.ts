/**
 * The transcript's reactive controllers release what they add to the page when the element leaves it: a
 * transcript added and removed leaves no listener on the document (Chrome DevTools Protocol), and one put back
 * works again.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMedia } from './fixtures.ts';

/** The listeners on `document`, by type, as DevTools sees them. */
async function documentListeners(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    const byType: Record<string, number> = {};
    for (const listener of listeners) byType[listener.type] = (byType[listener.type] ?? 0) + 1;
    return byType;
  } finally {
    await cdp.detach();
  }
}

test('a transcript removed from the page leaves no listener on the document, and works again when put back', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const before = await documentListeners(page);

  await page.evaluate((playerId) => {
    const standalone = document.createElement('lesson-transcript');
    standalone.setAttribute('for', playerId!);
    standalone.id = 'standalone-transcript';
    document.querySelector('main')!.append(standalone);
  }, await player.getAttribute('id'));
  const transcript = page.locator('#standalone-transcript').getByRole('region', { name: 'Transcription' });
  await expect(transcript.locator('.row').first()).toBeVisible();
  // Following listens for selections in the document while the transcript is there.
  expect((await documentListeners(page)).selectionchange ?? 0).toBe((before.selectionchange ?? 0) + 1);

  // Removed (kept by the page, as a framework keeps an element it will put back).
  await page.evaluate(() => {
    const standalone = document.getElementById('standalone-transcript')!;
    (window as unknown as { kept: Element }).kept = standalone;
    standalone.remove();
  });
  expect(await documentListeners(page)).toEqual(before);

  // Put back: its listeners come back, and the keyboard and the search work again.
  await page.evaluate(() => document.querySelector('main')!.append((window as unknown as { kept: Element }).kept));
  expect((await documentListeners(page)).selectionchange ?? 0).toBe((before.selectionchange ?? 0) + 1);
  const lines = transcript.locator('.line');
  await transcript.locator('.line[tabindex="0"]').focus();
  const from = Number(await transcript.locator('.line[tabindex="0"]').evaluate((line) => line.closest<HTMLElement>('.row')!.dataset.index));
  await page.keyboard.press('ArrowDown');
  await expect(lines.nth(from + 1)).toBeFocused();
  await expect(lines.nth(from + 1)).toHaveAttribute('tabindex', '0');
  await transcript.getByRole('searchbox', { name: 'Rechercher dans la transcription' }).fill('securitaire');
  await expect(transcript.locator('#search-status')).toHaveText(/^1 sur \d+$/);
});
