import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What axe-core finds on the page, or within the elements matching `include` (a selector, or `{ fromShadowDom: [host,
 * …, element] }` for an element inside shadow roots): one line per rule, with the elements
 * it found. Every rule axe enables is run, none disabled and no tag filter (WCAG 2.0 to 2.2 A/AA, best practices);
 * axe's experimental rules stay off as it ships them (turned on, a run over the transcript took over a minute on a
 * busy 2-core machine).
 */
export async function axeViolations(page: Page, include?: Parameters<AxeBuilder['include']>[0]): Promise<string[]> {
  // Without frames, axe runs in the page itself (legacy mode): the default mode exists to reach cross-origin
  // frames, and pays for it with a second page opened for every run (about half of each run's time here).
  let builder = new AxeBuilder({ page }).setLegacyMode(page.frames().length === 1);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Waits until the player's menus have finished opening: several frames in a row with no finite animation or
 * transition running in the document or in any shadow tree. `document.getAnimations()` leaves out the animations of
 * shadow trees (the player's menus live in one), so every shadow root is asked too. A menu's height transition only
 * starts a frame or two after the key press, and Vidstack moves the focus into the menu once more a frame or two after
 * the transition ends: the quiet frames cover both, so a key pressed next lands where the focus stays.
 */
export async function menusSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const quietFramesNeeded = 5;
        let quietFrames = 0;
        const trees = (): (Document | ShadowRoot)[] => {
          const found: (Document | ShadowRoot)[] = [document];
          for (let i = 0; i < found.length; i++) {
            for (const el of found[i].querySelectorAll('*')) if (el.shadowRoot) found.push(el.shadowRoot);
          }
          return found;
        };
        const moving = () =>
          trees().some((tree) =>
            tree.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity),
          );
        const check = () => {
          quietFrames = moving() ? 0 : quietFrames + 1;
          if (quietFrames >= quietFramesNeeded) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}
