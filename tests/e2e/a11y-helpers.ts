import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

type Include = Parameters<AxeBuilder['include']>[0];

/**
 * Only the violations are detailed: every rule still runs on every element, but the passing and inapplicable ones are
 * not written out node by node: over the demo page, 1.8-2.0 s a run instead of 2.9-3.0 s (idle machine).
 */
const OPTIONS = { resultTypes: ['violations' as const] };

/** axe-core's own script (the version in package.json), read once per worker. */
let axeSource: string | null = null;

/**
 * What axe-core finds on the page, or within the elements matching `include` (a selector, or `{ fromShadowDom: [host,
 * …, element] }` for an element inside shadow roots): one line per rule, with the elements
 * it found. Every rule axe enables is run, none disabled and no tag filter (WCAG 2.0 to 2.2 A/AA, best practices);
 * axe's experimental rules stay off as it ships them (turned on, a run over the transcript took over a minute on a
 * busy 2-core machine).
 */
export async function axeViolations(page: Page, include?: Include): Promise<string[]> {
  const results = page.frames().length === 1 ? await runInPage(page, include) : await runWithFrames(page, include);
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A page without frames: axe-core is put in the page once, then `axe.run` as @axe-core/playwright's legacy mode runs
 * it. The builder puts its 500 kB in again at every call: 3.0-4.2 s a call over the player, against 0.9-1.0 s here
 * for the first call of a page, the script's 0.4 s included (idle machine).
 */
async function runInPage(page: Page, include?: Include): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  const context: unknown = include ? { include: [include] } : null;
  const run = ([spec, options]: [unknown, object]) =>
    (window as unknown as { axe: { run(c: unknown, o: object): Promise<unknown> } }).axe.run(spec ?? document, options);
  return (await page.evaluate(run, [context, OPTIONS] as [unknown, object])) as AxeResults;
}

/** A page with frames (an embed): the builder's default mode, which reaches cross-origin frames. */
function runWithFrames(page: Page, include?: Include): Promise<AxeResults> {
  const builder = new AxeBuilder({ page }).options(OPTIONS);
  return (include ? builder.include(include) : builder).analyze();
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
