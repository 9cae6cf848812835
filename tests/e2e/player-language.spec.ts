/**
 * Every word the video player shows or gives to assistive technology is in the UI language: on the French page, no
 * English word of Vidstack's vocabulary in its texts, names, descriptions, values or tooltips, with its menus open.
 * (The Google Cast button, off by default, is scanned too: its state is worded in French; third-party.spec.ts names it.)
 */
import type { Locator } from '@playwright/test';
import { uiStrings } from '../../src/i18n/strings.ts';
import { menusSettled } from './a11y-helpers.ts';
import { expect, pauseWithControls, test, waitForMedia } from './fixtures.ts';

/** Vidstack's English words that French says otherwise ("Google Cast" is a name), and those it leaves untranslated. */
const ENGLISH = [
  ...Object.entries(uiStrings('fr').media)
    .filter(([english, french]) => english !== french && english !== 'Google Cast')
    .map(([english]) => english),
  'Player',
  'Media',
  'out of',
  'sec',
  'hour',
  'live',
];
const englishWord = new RegExp(`\\b(${ENGLISH.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);

/** Every text, name, description, value and tooltip inside the player's media area, shadow trees included. */
function spokenOrShown(media: Locator): Promise<string[]> {
  return media.evaluate((root) => {
    const found: string[] = [];
    const attributes = ['aria-label', 'aria-valuetext', 'aria-description', 'aria-roledescription', 'title', 'alt', 'placeholder'];
    const visit = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) found.push(node.textContent!.trim());
      if (node instanceof Element) {
        for (const name of attributes) {
          const value = node.getAttribute(name);
          if (value) found.push(`${name}="${value}"`);
        }
        if (node.shadowRoot) visit(node.shadowRoot);
        if (node.localName === 'style' || node.localName === 'script') return;
      }
      for (const child of node.childNodes) visit(child);
    };
    visit(root);
    return found;
  });
}

test('the French player says everything in French, its menus and values included; in English, the slider’s value at once', async ({ page, openLesson }) => {
  // A walk through five menus, each waited on until its animation ends.
  test.setTimeout(90_000);
  const player = await openLesson();
  await waitForMedia(page);
  const media = player.locator('media-player');
  // The digit 5 jumps the time slider to half the lesson, past a minute, where its value speaks minutes.
  const slider = media.getByRole('slider', { name: 'Position' });
  await slider.focus();
  await slider.press('5');
  await expect(slider).toHaveAttribute('aria-valuetext', /^\d+ min( \d+ s)? sur \d+ min( \d+ s)?$/);
  await expect(media).toHaveAttribute('aria-label', 'Lecteur vidéo - Survivre en milieu hostile');

  await pauseWithControls(player);
  await media.getByRole('button', { name: 'Paramètres' }).click();
  await menusSettled(page);
  const english: string[] = [];
  const collect = async () => english.push(...(await spokenOrShown(media)).filter((text) => englishWord.test(text)));
  await collect();
  // Each submenu in turn (the caption styles inside Accessibility), then back through its own expanded item.
  const open = async (name: string) => {
    await media.getByRole('menuitem', { name: new RegExp(`^${name}(?!\\p{L})`, 'u') }).click();
    await menusSettled(page);
    await collect();
  };
  const back = async (name: string) => {
    await media.getByRole('menuitem', { name: new RegExp(`^${name}(?!\\p{L})`, 'u'), expanded: true }).click();
    await menusSettled(page);
  };
  for (const submenu of ['Vitesse', 'Accessibilité', 'Audiodescription', 'Audio', 'Sous-titres']) {
    await open(submenu);
    if (submenu === 'Accessibilité') {
      await open('Style des sous-titres');
      await back('Style des sous-titres');
    }
    await back(submenu);
  }
  expect([...new Set(english)]).toEqual([]);

  // The language changed while paused: the slider's value is said again at once, in English (Vidstack's own words).
  await player.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(media.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuetext', /^\d+ min( \d+ sec)? out of \d+ min( \d+ sec)?$/);
});
