/**
 * Issue #17, reading and sharing a passage: the transcript reads as prose, a selection copies as words, "Copy quote"
 * gives the words, the title and a link ending in `#t=start,end`; opening that link highlights the passage and
 * pauses once at its end; a note on a passage survives a reload and exports with its quote.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './a11y-helpers.ts';
import { expect, test, waitForMedia } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const transcriptOf = (player: Locator) => player.getByRole('region', { name: 'Transcription' });
const rowText = (transcript: Locator, index: number) => transcript.locator(`.row[data-index="${index}"] .text`);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const liveRegion = (player: Locator) => player.evaluate((el) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim());

/** The words of lines 1 to 3 of the demo (cues c002 to c004), each caption's line break become a space. */
const WORDS = "Depuis 2015 je suis responsable de l'incubateur des services numériques à la DINSIC (la Direction Interministérielle du Numérique)";

/** Drags the mouse from the first word of line `from` to the end of line `to`, as a reader selects. */
async function dragSelect(page: Page, transcript: Locator, from: number, to: number): Promise<void> {
  await rowText(transcript, to).scrollIntoViewIfNeeded();
  await rowText(transcript, from).scrollIntoViewIfNeeded();
  const start = (await rowText(transcript, from).boundingBox())!;
  const end = (await rowText(transcript, to).boundingBox())!;
  await page.mouse.move(start.x + 1, start.y + 6);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 4 });
  await page.mouse.move(end.x + end.width - 1, end.y + end.height - 4, { steps: 2 });
  await page.mouse.up();
}

test('prose lines; three lines selected with the mouse copy as words, and as a quote with a link to the passage', async ({ page, openLesson }) => {
  const player = await openLesson();
  const transcript = transcriptOf(player);

  // Prose: a caption's forced line break is a space in the transcript; the speaker-less demo shows no label.
  const caption = await player.evaluate((el: any) => el.cues[1].text as string);
  expect(caption).toContain('\n');
  await expect(rowText(transcript, 1)).toHaveJSProperty('innerText', caption.replace('\n', ' '));

  // The mouse: three lines selected, Ctrl+C copies the words alone (no "0:04", no "4 s").
  await dragSelect(page, transcript, 1, 3);
  const actions = transcript.getByRole('group', { name: 'Passage sélectionné, de 4 s à 13 s' });
  await expect(actions).toBeVisible();
  await page.keyboard.press('Control+c');
  await expect.poll(() => clipboard(page)).toBe(WORDS);

  // "Copy quote": the words, the lesson's title and times, and the link.
  const link = new URL('/#t=4,13.7', page.url()).href;
  await actions.getByRole('button', { name: 'Copier la citation' }).click();
  await expect.poll(() => clipboard(page)).toBe(`«\u00a0${WORDS}\u00a0»\n— Survivre en milieu hostile (0:04–0:13)\n${link}\n`);
  await expect.poll(() => liveRegion(player)).toBe('Citation copiée');
  expect(await axeViolations(page, { fromShadowDom: ['lesson-player', 'lesson-transcript'] })).toEqual([]);
});

test('Shift with the arrows selects lines: C copies the quote, N adds a note on the passage, kept and exported', async ({ page, openLesson }) => {
  let player = await openLesson();
  const transcript = transcriptOf(player);
  // The keyboard: Shift with the arrows selects lines, C copies the quote, N adds a note on the passage.
  const cues = await player.evaluate((el: any) => el.cues.map((c: any) => ({ start: c.start, end: c.end })));
  await transcript.locator('.row[data-index="5"] .line').focus();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(transcript.locator('.row[data-index="7"] .line')).toBeFocused();
  await expect.poll(() => liveRegion(player)).toBe('Passage de 19 s à 33 s sélectionné. C\u00a0: copier la citation, N\u00a0: ajouter une note sur ce passage.');
  await page.keyboard.press('c');
  const keyboardLink = new URL(`/#t=${Math.floor(cues[5].start)},${Math.ceil(cues[7].end * 10) / 10}`, page.url()).href;
  await expect
    .poll(() => clipboard(page))
    .toBe(`«\u00a0En quelques années, j'ai identifié quelques schémas récurrents qui reviennent dans la construction d'une Startup d'Etat ou de Territoire. Je vais donc vous raconter comment survivre en milieu hostile,\u00a0»\n— Survivre en milieu hostile (0:19–0:33)\n${keyboardLink}\n`);
  // A move without Shift lets the passage go; Shift with the arrows upwards selects it again.
  await page.keyboard.press('ArrowDown');
  await expect(transcript.getByRole('group', { name: /^Passage sélectionné/ })).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(transcript.getByRole('group', { name: 'Passage sélectionné, de 19 s à 33 s' })).toBeVisible();
  await page.keyboard.press('n');
  const notes = player.locator('lesson-my-notes[chapter-id="introduction"]');
  const field = notes.locator('textarea');
  await expect(field).toBeFocused();
  await field.pressSequentially('Les schémas récurrents');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join())).toContain('Les schémas récurrents');

  // After a reload: the note shows its range, quotes the passage, and its button plays the passage.
  await page.reload();
  player = page.locator('lesson-player');
  await expect(field).toHaveValue('Les schémas récurrents');
  await expect(notes.locator('blockquote')).toHaveText(/^En quelques années, .* comment survivre en milieu hostile,$/);
  const play = notes.getByRole('button', { name: '0:19–0:33, lire le passage de 19 s à 33 s' });
  await expect(play).toBeVisible();
  expect(await axeViolations(page, { fromShadowDom: ['lesson-player', 'lesson-notes', 'lesson-my-notes[chapter-id="introduction"]'] })).toEqual([]);

  // Exported to Markdown with its range, its link and its words.
  const learner = player.locator('lesson-learner');
  await learner.locator('details.tools summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), learner.getByRole('button', { name: 'Exporter mes notes (.md)' }).click()]);
  const markdown = await readFile((await download.path())!, 'utf8');
  expect(markdown).toContain(`### [0:19–0:33](${keyboardLink})`);
  expect(markdown).toMatch(/\n> En quelques années, .* survivre en milieu hostile,\n\nLes schémas récurrents\n/);

  // The note's button goes to the passage and highlights it.
  await play.click();
  await expect(transcriptOf(player).locator('.row.in-passage')).toHaveCount(3);
  await expect(transcriptOf(player).locator('.row.in-passage .text').first()).toHaveText(/^En quelques années/);
  await player.evaluate((el: any) => el.pause());
});

test('a passage link highlights the passage, plays from its start and pauses once at its end; bad ranges warn', async ({ page, openLesson }) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  const player = await openLesson('/#t=4,13.7');
  await waitForMedia(page);
  const transcript = transcriptOf(player);
  await expect(transcript.locator('.row.in-passage')).toHaveCount(3);
  await expect(transcript.locator('.row.in-passage .text').first()).toHaveText(/^Depuis 2015/);
  await expect(transcript.getByText('Passage partagé\u00a0: de 4 s à 13 s')).toBeVisible();
  expect(await axeViolations(page, { fromShadowDom: ['lesson-player', 'lesson-transcript'] })).toEqual([]);

  // Play (faster, to keep the test short: the stop watches the lesson's clock, whatever the rate).
  const video = player.locator('video');
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    v.playbackRate = 4;
  });
  await player.evaluate((el: any) => el.play());
  await expect.poll(() => player.evaluate((el: any) => el.paused), { timeout: 15_000 }).toBe(true);
  const stoppedAt = await player.evaluate((el: any) => el.currentTime as number);
  expect(stoppedAt).toBeGreaterThanOrEqual(13.7);
  expect(stoppedAt).toBeLessThan(14.7);
  // Once: playing on goes past the end.
  await player.evaluate((el: any) => el.play());
  await expect.poll(() => player.evaluate((el: any) => el.currentTime as number)).toBeGreaterThan(15);
  expect(await player.evaluate((el: any) => el.paused)).toBe(false);
  await player.evaluate((el: any) => el.pause());

  // A reversed range is ignored with a warning, as a bad time is.
  await page.evaluate(() => (location.hash = '#t=9,3'));
  await expect.poll(() => warnings.join('\n')).toMatch(/t="9,3" is a passage that ends before it starts/);

  // The element's start attribute takes a passage too.
  await player.evaluate((el) => el.setAttribute('start', '0:19,0:33.1'));
  await expect(transcript.locator('.row.in-passage')).toHaveCount(3);
  await expect(transcript.locator('.row.in-passage .text').first()).toHaveText(/^En quelques années/);
});

test('embed.html?t=start,end highlights the passage; the full transcript page copies a paragraph as it reads', async ({ page }) => {
  await page.goto('/embed.html?lesson=lessons/survivre-en-milieu-hostile.json&t=4,13.7');
  await expect(page.locator('lesson-player .row.in-passage')).toHaveCount(3);
  await expect(page.locator('lesson-player .row.in-passage .text').first()).toHaveText(/^Depuis 2015/);

  // The full transcript page copies as it reads too: a paragraph's time once, then its words.
  await page.goto('/transcription.html');
  const paragraph = page.locator('lesson-transcript-document section p:not(.slide)').first();
  await expect(paragraph).toContainText('Bonjour');
  await paragraph.evaluate((p) => (p.getRootNode() as ShadowRoot & { getSelection(): Selection }).getSelection().selectAllChildren(p));
  await page.keyboard.press('Control+c');
  await expect.poll(() => clipboard(page)).toMatch(/^0:01 Bonjour, je suis Héla Ghariani\. Depuis 2015 je suis responsable de l'incubateur/);
});
