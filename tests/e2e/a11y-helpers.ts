import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What axe-core finds on the page, or within the elements matching `include`: one line per rule, with the elements
 * it found. Every rule axe enables is run, none disabled and no tag filter (WCAG 2.0 to 2.2 A/AA, best practices);
 * axe's experimental rules stay off as it ships them (turned on, a run over the transcript took over a minute on a
 * busy 2-core machine).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Waits until the player's menus have finished opening: no finite animation or transition running anywhere (shadow
 * trees included), then two frames, since Vidstack moves the focus into a menu a frame or two after its transition.
 */
export async function menusSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}
