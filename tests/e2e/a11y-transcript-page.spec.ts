/**
 * The full transcript (RGAA 4.1/4.2): reached by a link just before the player, a document of chapter headings,
 * slide descriptions and paragraphs, in order; and the accessibility statement is linked from the page.
 */
import { axeViolations } from './a11y-helpers.ts';
import { expect, test } from './fixtures.ts';

test('a link next to the player opens the full transcript: every chapter, its slide, then its speech', async ({ page, openLesson }) => {
  const player = await openLesson();
  const [cues, chapters] = await player.evaluate((el: any) => [el.cues.map((c: any) => c.text), el.chapters.map((c: any) => c.title)]);
  // The link comes just before the player in the reading order.
  const link = page.getByRole('link', { name: /Transcription complète/ });
  expect(await link.evaluate((a) => a.compareDocumentPosition(document.querySelector('lesson-player')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
  await link.click();
  await expect(page).toHaveURL(/transcription\.html$/);
  const doc = page.locator('lesson-transcript-document');
  await expect(doc.getByRole('heading', { level: 2 })).toHaveText(chapters);
  const slides = doc.locator('.slide');
  await expect(slides).toHaveCount(9);
  await expect(slides.nth(2)).toHaveText(
    // From the lesson's description track, the one source of its slides' descriptions.
    '[Description : Diapositive : chapitre 3 sur 9, « Le règne des process ». Le reste ne change pas.]',
  );
  // The words of the captions, in order (the times are separate elements, taken out before comparing).
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  const text = await doc.evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll('section > p:not(.slide)')].map((p) => [...p.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')).join(' '),
  );
  expect(words(text)).toEqual(words(cues.join(' ')));
  expect(await axeViolations(page)).toEqual([]);
});

test('the English transcript describes its slides in English, with no axe violation', async ({ page }) => {
  await page.goto('/transcript.html');
  await expect(page.locator('lesson-transcript-document').locator('.slide').first()).toContainText('Description: Slide on a blue background');
  await expect(page.locator('lesson-transcript-document').getByRole('heading', { level: 2 }).first()).toHaveText('Introduction');
  expect(await axeViolations(page)).toEqual([]);
});

for (const path of ['/accessibilite.html', '/accessibility.html']) {
  test(`${path} lists RGAA criteria 4.1 to 4.13, with no axe violation`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('term')).toHaveText(Array.from({ length: 13 }, (_, i) => new RegExp(`^4\\.${i + 1} — `)));
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the demo page links the accessibility statement from its footer and from near the player', async ({ page, openLesson }) => {
  await openLesson();
  await expect(page.locator('footer').getByRole('link', { name: /Accessibilité/ })).toHaveAttribute('href', 'accessibilite.html');
  await page.locator('.lesson-links').getByRole('link', { name: 'Accessibilité du lecteur' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclaration d’accessibilité');
});
