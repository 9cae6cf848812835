/**
 * The whole lesson with the keyboard only (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7; RGAA 4.11): from the top of the demo
 * page, forward Tab only (so the order is the one met), with a visible focus indicator on every element that
 * gets the focus, inside the shadow roots too, and a way out of the player and back.
 */
import type { Page } from '@playwright/test';
import { menusSettled } from './a11y-helpers.ts';
import { expect, playFast, test, waitForMedia } from './fixtures.ts';

interface Focused {
  tag: string;
  id: string;
  name: string;
  inPlayer: boolean;
  visible: boolean;
}

/** The focused element, through shadow roots, and whether it shows a focus indicator. */
function deepFocus(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    if (!el || el === document.body) return { tag: 'body', id: '', name: '', inPlayer: false, visible: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    // A box-shadow ring counts when it is not fully transparent.
    const shadow = cs.boxShadow !== 'none' && !/^rgba\(0, 0, 0, 0\)/.test(cs.boxShadow);
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { tag: el.localName, id: el.id, name, inPlayer: document.activeElement?.localName === 'lesson-player', visible: outline || shadow };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses or on a hidden focus. */
async function tabTo(page: Page, match: (f: Focused) => boolean, { max = 60, back = false } = {}): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await deepFocus(page);
    expect(focused.visible, `visible focus on <${focused.tag}> "${focused.name.slice(0, 60)}"`).toBe(true);
    if (match(focused)) return focused;
  }
  throw new Error(`not reached in ${max} presses of Tab`);
}

test('the whole lesson with the keyboard only: play, captions, speed, chapter, notes, back, search, and out', async ({ page, openLesson }) => {
  test.slow();
  // The page's clock is Playwright's (flowing): the speed slider's throttle is moved past, not waited for.
  await page.clock.install();
  const player = await openLesson();
  await waitForMedia(page);
  await player.evaluate((el: any) => (el.shadowRoot.querySelector('video').muted = true));
  const state = () =>
    player.evaluate((el: any) => ({
      paused: el.paused,
      captions: el.controller.captionsLanguage,
      rate: el.shadowRoot.querySelector('video').playbackRate,
      chapter: el.activeChapter?.id,
    }));

  // From the top of the page: the skip link first, then into the player.
  await tabTo(page, (f) => f.tag === 'a' && /Aller à la leçon/.test(f.name), { max: 1 });
  await tabTo(page, (f) => f.name === 'Lecture');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state()).paused).toBe(false);

  await tabTo(page, (f) => f.name === 'Sous-titres');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state()).captions).toBe('fr');
  await expect(player.locator('lesson-captions .cue')).toBeVisible();

  // Settings → Speed → the slider, two steps of 0.25 up, then Escape twice back to the button.
  await tabTo(page, (f) => f.name === 'Paramètres');
  await page.keyboard.press('Enter');
  await menusSettled(page);
  await expect.poll(async () => (await deepFocus(page)).name).toMatch(/^Vitesse/);
  await page.keyboard.press('Enter');
  await menusSettled(page);
  await expect.poll(async () => (await deepFocus(page)).tag).toBe('media-speed-slider');
  expect((await deepFocus(page)).visible).toBe(true);
  for (const rate of [1.25, 1.5]) {
    // Vidstack's speed slider throttles rate requests (25 ms, leading edge): a second press sooner than any person
    // types is dropped, so the page's clock is moved past the throttle before each press, as a person's pace would.
    await page.clock.runFor(25);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await state()).rate).toBe(rate);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await deepFocus(page)).name).toBe('Paramètres');

  // A chapter, then its notes, then back to the video.
  await tabTo(page, (f) => f.tag === 'button' && f.name.startsWith('Le règne des process 1:13'));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state()).chapter).toBe('le-regne-des-process');
  await expect(player.locator('lesson-chapters').getByRole('button', { name: /^Le règne des process 1:13(, |$)/ })).toHaveAttribute('aria-current', 'true');
  await tabTo(page, (f) => f.name === 'Notes : Le règne des process', { max: 1 });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await deepFocus(page)).name).toBe('Le règne des process');
  expect((await deepFocus(page)).visible).toBe(true);
  await tabTo(page, (f) => f.name === 'Revenir à la vidéo au chapitre « Le règne des process »');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await deepFocus(page)).tag).toBe('div');
  expect(await player.evaluate((el: any) => el.shadowRoot.activeElement.classList.contains('media'))).toBe(true);
  expect((await deepFocus(page)).visible).toBe(true);

  // Search the transcript: Enter goes to the first match from the chapter being watched (the last of three), which
  // is announced. (A word of the speech only: the descriptions are searched too, and their matches are not lines.)
  await tabTo(page, (f) => f.tag === 'input' && f.id === 'search');
  await page.keyboard.type('startup');
  await page.keyboard.press('Enter');
  await expect(player.locator('.lesson > [role="status"]')).toHaveText('3 sur 3');
  const line = player.locator('lesson-transcript .row.is-current-match .line');
  await expect(line).toHaveAttribute('aria-current', 'true');

  // No trap: Tab leaves the player for the footer, and Shift+Tab comes back into it.
  await tabTo(page, (f) => !f.inPlayer && f.tag === 'a', { max: 120 });
  expect(await page.evaluate(() => document.activeElement!.closest('footer') !== null)).toBe(true);
  await tabTo(page, (f) => f.inPlayer, { back: true, max: 1 });
});

test('a focused control stays shown while the video plays, and the controls hide once the focus leaves them', async ({ page, openLesson }) => {
  // The page's clock is Playwright's (flowing): Vidstack's 2 s of idleness before hiding its controls is moved past.
  await page.clock.install();
  const player = await openLesson();
  await waitForMedia(page);
  const media = player.locator('media-player');
  await playFast(player);
  // Into the controls as a keyboard learner goes: Tab to the player, Tab again to the time slider.
  await media.focus();
  await page.keyboard.press('Tab');
  const slider = player.locator('media-time-slider');
  await expect(slider).toBeFocused();
  await page.clock.runFor(3_000);
  // Shown, so the focus stays where the learner put it and the next key acts there: ArrowRight seeks 10 s on.
  await expect(media).toHaveAttribute('data-controls', '');
  expect(await slider.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
  await expect(slider).toBeFocused();
  const before = await player.evaluate((el: any) => el.currentTime);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(before + 9);

  // Back on the player itself, out of the controls: they hide again after their idle time.
  await page.keyboard.press('Shift+Tab');
  await expect(media).toBeFocused();
  await page.clock.runFor(3_000);
  await expect(media).not.toHaveAttribute('data-controls');
});
