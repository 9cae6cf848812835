import type { Page } from '@playwright/test';

/**
 * Waits until the player's menus have finished opening: no finite animation or transition running anywhere (shadow
 * trees included), then two frames, since Vidstack moves the focus into a menu a frame or two after its transition.
 */
export async function menusSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}
