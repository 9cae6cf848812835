/**
 * Reflow, zoom, target size, focus-ring contrast, reduced motion and forced colours (WCAG 1.4.10, 1.4.4, 2.5.8,
 * 1.4.11, 2.3.3/2.2.2, and the Windows high-contrast mode), measured in the page.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMedia } from './fixtures.ts';
import { menusSettled } from './a11y-helpers.ts';

/** No horizontal scroll on the page, and nothing in the player wider than its frame (the video aside). */
async function expectNoOverflow(page: Page): Promise<void> {
  const result = await page.evaluate(() => {
    const overflowing: string[] = [];
    const host = document.querySelector('lesson-player')!;
    const limit = host.getBoundingClientRect().right + 1;
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('media-player') && el.localName !== 'media-player') continue;
        const r = el.getBoundingClientRect();
        if (r.width && r.right > limit && getComputedStyle(el).visibility !== 'hidden') overflowing.push(`${el.localName}.${el.className}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(host.shadowRoot!);
    return { scroll: document.documentElement.scrollWidth, width: innerWidth, overflowing };
  });
  expect(result.scroll).toBeLessThanOrEqual(result.width);
  expect(result.overflowing).toEqual([]);
}

test('320 CSS px wide: no horizontal scroll, nothing cut off', async ({ page, openLesson }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openLesson();
  await expectNoOverflow(page);
});

test('200 % zoom (640 px at device scale 2): no horizontal scroll, nothing cut off', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('lesson-player .lesson')).toHaveAttribute('data-status', 'ready');
  await expectNoOverflow(page);
  await context.close();
});

test('every control of the player is at least 24 × 24 CSS px, Vidstack’s and its menus included', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  await player.getByRole('button', { name: 'Paramètres' }).click();
  await expect(player.getByRole('menuitem', { name: /^Vitesse/ })).toBeVisible();
  // Measure the menu at rest: while it opens, its items are scaled and measure a fraction of a pixel short.
  await menusSettled(page);
  const small = await page.evaluate(() => {
    const found: string[] = [];
    const selector = 'button, a[href], input, select, textarea, [role="button"], [role="menuitem"], [role="menuitemradio"], [role="slider"], [role="tab"], [tabindex="0"]';
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!el.matches(selector) || el.closest('[aria-hidden="true"]')) continue;
        // A field's label activates it too: the label is the target.
        const label = (el as HTMLInputElement).labels?.[0];
        const own = el.getBoundingClientRect();
        const r = label && label.getBoundingClientRect().height >= 24 && label.contains(el) ? label.getBoundingClientRect() : own;
        const cs = getComputedStyle(el);
        if (!own.width || !own.height || cs.visibility === 'hidden' || cs.display === 'none') continue;
        // Links inside running text are exempt (WCAG 2.5.8 "inline").
        if (el.localName === 'a' && el.closest('p, li')) continue;
        if (r.width < 24 || r.height < 24) found.push(`${el.localName}[${(el as HTMLInputElement).type ?? ""}] in ${(el.getRootNode() as ShadowRoot).host?.localName} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    };
    walk(document.querySelector('lesson-player')!.shadowRoot!);
    return found;
  });
  expect(small).toEqual([]);
});

/** WCAG relative luminance contrast of two `rgb()` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('focus rings reach 3:1 against what is around them', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  // Panels: the ring's colour against the panel's background.
  const panels = [player.locator('lesson-chapters').getByRole('button').first(), player.getByRole('searchbox'), player.locator('lesson-notes').getByRole('button').first()];
  for (const control of panels) {
    await control.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const [ring, background] = await control.evaluate((el) => {
      let bg = 'rgba(0, 0, 0, 0)';
      for (let node: Element | null = el; node && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
        bg = getComputedStyle(node).backgroundColor;
      }
      return [getComputedStyle(el).outlineColor, bg];
    });
    expect(contrast(ring, background), `${ring} on ${background}`).toBeGreaterThanOrEqual(3);
  }
  // Video controls: a two-tone ring, whose colours differ by 9:1 or more, so one of them reaches 3:1 on any frame.
  const play = player.getByRole('button', { name: 'Lecture' });
  await play.focus();
  const shadow = await play.evaluate((el) => getComputedStyle(el).boxShadow);
  const colours = shadow.match(/rgba?\([^)]+\)/g)!;
  expect(colours.length).toBeGreaterThanOrEqual(2);
  expect(contrast(colours[0]!, colours[1]!)).toBeGreaterThanOrEqual(9);
});

test.describe('reduced motion', () => {
  test('stops smooth scrolling and transitions', async ({ page, openLesson }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const player = await openLesson();
    await waitForMedia(page);
    await player.getByRole('button', { name: 'Sous-titres' }).first().click();
    const styles = await page.evaluate(() => {
      const root = document.querySelector('lesson-player')!.shadowRoot!;
      const scroller = root.querySelector('lesson-transcript')!.shadowRoot!.querySelector('.scroller')!;
      const cue = root.querySelector('lesson-captions')!.shadowRoot!.querySelector('.cue')!;
      const menu = root.querySelector('.vds-menu-items')!;
      return [getComputedStyle(scroller).scrollBehavior, getComputedStyle(cue).transitionDuration, getComputedStyle(menu).transitionDuration];
    });
    expect(styles[0]).toBe('auto');
    expect(styles.slice(1).every((d) => d.split(',').every((s) => parseFloat(s) === 0))).toBe(true);
    // Clicking a far line scrolls there at once, no animation.
    const line = player.locator('lesson-transcript .line').nth(60);
    await line.click();
    await expect(line).toHaveAttribute('aria-current', 'true');
  });
});

test('forced colours keep the current line, the current chapter and the focus visible', async ({ page, openLesson }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const player = await openLesson();
  await player.locator('lesson-transcript .line').nth(5).click();
  const active = player.locator('lesson-transcript .row.is-active .line');
  await expect(active).toHaveAttribute('aria-current', 'true');
  const marks = await active.evaluate((el) => {
    const cs = getComputedStyle(el);
    const row = getComputedStyle(el.closest('.row')!);
    return { outline: cs.outlineStyle, border: [cs.borderInlineStartStyle, row.borderInlineStartStyle], shadow: cs.boxShadow, bg: cs.backgroundColor, canvas: getComputedStyle(el.closest('.scroller')!).backgroundColor };
  });
  expect(marks.outline !== 'none' || marks.border.some((b) => b !== 'none') || marks.bg !== marks.canvas, JSON.stringify(marks)).toBe(true);
  const chapter = player.locator('lesson-chapters li.current');
  expect(await chapter.evaluate((el) => getComputedStyle(el).borderInlineStartStyle)).toBe('solid');
  const search = player.getByRole('searchbox');
  await search.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await search.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth])).toEqual(['solid', '3px']);
  const play = player.getByRole('button', { name: 'Lecture' });
  await play.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await play.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
});
