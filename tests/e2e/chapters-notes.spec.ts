/**
 * Issue #3, chapters and notes, on the demo page: the chapters list seeks and marks the current chapter, its
 * "Notes" buttons reveal and focus a note, seek links inside notes and the "back to the video" button seek, and
 * the notes sanitiser neutralises a hostile note.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, mediaTime, test, waitForMedia } from './fixtures.ts';

/** The four "imaginary problems" of the lesson, as titled in the French chapters track. */
const PROBLEMS = [
  { id: 'la-boucle-de-validation-infinie', title: 'La boucle de validation infinie' },
  { id: 'la-crise-politique', title: 'La crise politique' },
  { id: 'la-panique-securitaire', title: 'La panique sécuritaire' },
  { id: 'le-plus-que-parfait', title: 'Le plus-que-parfait' },
];

async function chapterStart(player: Locator, id: string): Promise<number> {
  return player.evaluate((el: any, chapterId: string) => el.chapters.find((c: any) => c.id === chapterId).start, id);
}

/** The controller's clock and the video's must both reach the target. */
async function expectAt(page: Page, player: Locator, seconds: number): Promise<void> {
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeCloseTo(seconds, 0);
  await expect.poll(() => mediaTime(page)).toBeCloseTo(seconds, 0);
}

const chaptersNav = (player: Locator) => player.getByRole('navigation', { name: 'Chapitres' });
const chapterButton = (player: Locator, title: string) =>
  chaptersNav(player).getByRole('button', { name: new RegExp(`^${title} \\d+:\\d\\d(, |$)`) });
const noteSection = (player: Locator, title: string) => player.locator('lesson-notes').getByRole('region', { name: title, exact: true });

test('the four problem chapters are listed, seek when activated and become current', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  for (const { id, title } of PROBLEMS) {
    const button = chapterButton(player, title);
    await expect(button).toBeVisible();
    await button.click();
    await expectAt(page, player, await chapterStart(player, id));
    await expect(button).toHaveAttribute('aria-current', 'true');
    await expect(chaptersNav(player).locator('[aria-current="true"]')).toHaveCount(1);
    await expect(noteSection(player, title)).toHaveAttribute('aria-current', 'true');
  }
});

test("each problem's Notes button reveals its note with focus on the note's heading", async ({ page, openLesson }) => {
  const player = await openLesson();
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const { title } of PROBLEMS) {
    await chaptersNav(player).getByRole('button', { name: `Notes : ${title}` }).click();
    const heading = noteSection(player, title).getByRole('heading', { name: title, level: 3 });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    // The note's own "## title" is not repeated under the generated heading.
    await expect(noteSection(player, title).getByRole('heading', { name: title })).toHaveCount(1);
    await expect(noteSection(player, title).getByRole('heading', { level: 4 }).first()).toBeVisible();
  }
});

test('#chapter= and #t= links in a note seek without changing the page URL', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const note = noteSection(player, 'La crise politique');
  const url = page.url();

  await note.getByRole('link', { name: 'revoir le passage' }).click();
  await expectAt(page, player, await chapterStart(player, 'la-crise-politique'));

  // Keyboard: the seek link is a real link, Enter activates it.
  await note.getByRole('link', { name: '0:48' }).focus();
  await page.keyboard.press('Enter');
  await expectAt(page, player, 48);
  await expect(chapterButton(player, 'Une équipe faite pour survivre')).toHaveAttribute('aria-current', 'true');
  expect(page.url()).toBe(url);
});

test('"back to the video" seeks to the chapter and asks the player for focus', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const focusRequests = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('lesson-focus-media', (e) => resolve((e as CustomEvent).detail.chapterId), { once: true }),
      ),
  );
  await player.getByRole('button', { name: 'Revenir à la vidéo au chapitre « La panique sécuritaire »' }).click();
  await expectAt(page, player, await chapterStart(player, 'la-panique-securitaire'));
  expect(await focusRequests).toBe('la-panique-securitaire');
  await expect(chapterButton(player, 'La panique sécuritaire')).toHaveAttribute('aria-current', 'true');
});

test('a hostile note is sanitised: no script, handler, form, image, style or javascript: link survives', async ({ page, openLesson }) => {
  const hostile = [
    '## La crise politique',
    '',
    'Texte sûr avec un [lien externe](https://beta.gouv.fr/) et un [courriel](mailto:contact@example.org).',
    '',
    '<script>window.__pwned = "script"</script>',
    '',
    '<img src="x" onerror="window.__pwned = \'img\'">',
    '',
    '[cliquez ici](javascript:window.__pwned=\'link\') et [là](data:text/html,<b>x</b>)',
    '',
    '<p style="position:fixed;inset:0;background:red" onclick="window.__pwned=\'click\'">paragraphe stylé</p>',
    '',
    '<form action="https://evil.example/"><input name="mdp" value="secret"><button>Envoyer</button></form>',
    '',
    '<iframe src="https://evil.example/"></iframe><svg><script>window.__pwned="svg"</script></svg>',
  ].join('\n');
  await page.route('**/chapters/notes/fr/la-crise-politique.md', (route) =>
    route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: hostile }),
  );
  const player = await openLesson();
  const body = noteSection(player, 'La crise politique').locator('.note-body');
  await expect(body).toContainText('Texte sûr');

  await body.getByText('paragraphe stylé').click();
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  for (const selector of ['script', 'img', 'form', 'input', 'button', 'iframe', 'svg', 'style', '[style]', '[onerror]', '[onclick]']) {
    await expect(body.locator(selector), selector).toHaveCount(0);
  }
  await expect(body.getByRole('link', { name: 'lien externe' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(body.getByRole('link', { name: 'courriel' })).toHaveAttribute('href', 'mailto:contact@example.org');
  // Unsafe links keep their text but lose their href: they are no longer links.
  await expect(body.getByText('cliquez ici')).toBeVisible();
  await expect(body.getByRole('link', { name: 'cliquez ici' })).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'là' })).toHaveCount(0);
  await expect(body.locator('a[href^="javascript"], a[href^="data"]')).toHaveCount(0);
});

test('"Suivre la vidéo" scrolls the notes box, never the page, and can be turned off', async ({ page, openLesson }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const player = await openLesson();
  await waitForMedia(page);
  const scroller = player.locator('lesson-notes .scroller');
  const offsetIn = (id: string) =>
    scroller.evaluate((box, chapterId) => {
      const section = box.querySelector(`[data-chapter="${chapterId}"]`)!;
      return Math.round(section.getBoundingClientRect().top - box.getBoundingClientRect().top);
    }, id);
  const pageScroll = await page.evaluate(() => window.scrollY);

  await player.evaluate((el: any, t: number) => el.seek(t), (await chapterStart(player, 'le-plus-que-parfait')) + 0.5);
  await expect(noteSection(player, 'Le plus-que-parfait')).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => offsetIn('le-plus-que-parfait')).toBeLessThan(5);
  expect(await page.evaluate(() => window.scrollY)).toBe(pageScroll);

  const followBox = player.getByRole('checkbox', { name: 'Suivre la vidéo' });
  await followBox.uncheck();
  // Focus leaves the notes, as when the learner goes back to the video: with focus inside, the box never follows.
  await followBox.blur();
  const kept = await scroller.evaluate((box) => box.scrollTop);
  await player.evaluate((el: any) => el.seek(1));
  await expect(noteSection(player, 'Introduction')).toHaveAttribute('aria-current', 'true');
  // Once the notes have rendered the new chapter, a follow would have started: a smooth scroll moves the box within
  // its first frames, so two frames after the update the box would already have left `kept`.
  await player.locator('lesson-notes').evaluate(async (notes: any) => {
    await notes.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  expect(await scroller.evaluate((box) => box.scrollTop)).toBe(kept);
});

test('chapters and notes fit a 320 px wide screen', async ({ page, openLesson }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const player = await openLesson();
  await expect(chaptersNav(player)).toBeVisible();
  await expect(noteSection(player, 'La crise politique')).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('<lesson-chapters for="…"> works outside the player', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  await page.evaluate(() => {
    const chapters = document.createElement('lesson-chapters');
    chapters.setAttribute('for', 'lecteur');
    chapters.setAttribute('hide-notes', '');
    document.body.append(chapters);
  });
  const outside = page.locator('body > lesson-chapters');
  await outside.getByRole('button', { name: /^La crise politique \d+:\d\d(, |$)/ }).click();
  await expectAt(page, player, await chapterStart(player, 'la-crise-politique'));
  await expect(outside.getByRole('button', { name: /^Notes/ })).toHaveCount(0);
});
