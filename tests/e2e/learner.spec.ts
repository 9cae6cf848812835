/**
 * Issue #8, the learner's features: own notes kept across reloads and tabs, exported and imported as Markdown,
 * progress per chapter from real playback, the resume offer, the transcript as .txt/.vtt and a print view.
 * Each test has a fresh browser context, so its storage starts empty.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './a11y-helpers.ts';
import { expect, mediaTime, test, waitForMedia } from './fixtures.ts';

const KEY = 'lesson-player:learner:survivre-en-milieu-hostile';

const myNotes = (player: Locator, chapterId: string) => player.locator(`lesson-my-notes[chapter-id="${chapterId}"]`);
const noteFields = (player: Locator) => player.locator('lesson-my-notes textarea');
const learner = (player: Locator) => player.locator('lesson-learner');

/** Unfolds the panel's export, import, download, print and clear tools (a disclosure), then returns the panel. */
async function tools(player: Locator): Promise<Locator> {
  const panel = learner(player);
  const details = panel.locator('details.tools');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return panel;
}

/** Adds a note under a chapter with its own button and types it; the editor takes the focus. */
async function addNote(player: Locator, chapterId: string, text: string): Promise<void> {
  const section = myNotes(player, chapterId);
  const before = await section.locator('textarea').count();
  await section.getByRole('button', { name: /^Ajouter une note/ }).click();
  const field = section.locator('textarea').nth(before);
  await expect(field).toBeFocused();
  await field.pressSequentially(text);
}

/** Waits until the store holds a text (the save is debounced). */
async function stored(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', KEY)).toContain(text);
}

async function downloadOf(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

test('a note typed is still there after a reload, and a note taken from a transcript line with N', async ({ page, openLesson }) => {
  let player = await openLesson();
  await addNote(player, 'introduction', 'À retenir : la DINSIC');
  // From the transcript: N on a focused line adds a note at that line's moment, in its chapter.
  const line = player.locator('lesson-transcript .line').nth(2);
  await line.focus();
  await line.press('n');
  const fromLine = myNotes(player, 'introduction').locator('textarea').nth(1);
  await expect(fromLine).toBeFocused();
  await fromLine.pressSequentially('Depuis la ligne');
  await expect(myNotes(player, 'introduction').getByRole('button', { name: '0:09, aller à 9 s' })).toBeVisible();
  await stored(page, 'Depuis la ligne');
  // With the learner's notes shown, axe finds nothing (their time buttons' names start with the time they show).
  expect(await axeViolations(page, 'lesson-player')).toEqual([]);
  await page.reload();
  player = page.locator('lesson-player');
  await expect(noteFields(player)).toHaveCount(2);
  await expect(noteFields(player).nth(0)).toHaveValue('À retenir : la DINSIC');
  await expect(noteFields(player).nth(1)).toHaveValue('Depuis la ligne');

  // Delete, then undo from the status line.
  await myNotes(player, 'introduction').getByRole('button', { name: /^Supprimer la note à 9 s/ }).click();
  await expect(noteFields(player)).toHaveCount(1);
  const undo = myNotes(player, 'introduction').getByRole('button', { name: 'Annuler' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(noteFields(player)).toHaveCount(2);
  await expect(noteFields(player).nth(1)).toHaveValue('Depuis la ligne');
});

test('notes export as Markdown and import back without duplicates', async ({ page, openLesson }) => {
  const player = await openLesson();
  await addNote(player, 'introduction', 'Première');
  await addNote(player, 'la-crise-politique', 'Deux lignes');
  await noteFields(player).nth(1).press('Enter');
  await noteFields(player).nth(1).pressSequentially('# pas un titre');
  await stored(page, 'pas un titre');

  const exported = await downloadOf(page, (await tools(player)).getByRole('button', { name: 'Exporter mes notes (.md)' }));
  expect(exported.name).toBe('survivre-en-milieu-hostile.notes.md');
  expect(exported.text).toContain('## Introduction');
  expect(exported.text).toContain('## La crise politique');
  expect(exported.text).toMatch(/### \[3:22\]\(http:\/\/127\.0\.0\.1:\d+\/#t=202\)/);
  expect(exported.text).toContain('Deux lignes\n\\# pas un titre');

  // Clear everything (after confirming), then import the file back.
  await (await tools(player)).getByRole('button', { name: 'Effacer mes données de cette leçon' }).click();
  await learner(player).getByRole('button', { name: 'Effacer', exact: true }).click();
  await expect(noteFields(player)).toHaveCount(0);
  const file = { name: exported.name, mimeType: 'text/markdown', buffer: Buffer.from(exported.text) };
  await learner(player).locator('input[type=file]').setInputFiles(file);
  await expect(learner(player).getByRole('status').filter({ hasText: '2 notes ajoutées' })).toBeVisible();
  await expect(noteFields(player)).toHaveCount(2);
  await expect(noteFields(player).nth(0)).toHaveValue('Première');
  await expect(noteFields(player).nth(1)).toHaveValue('Deux lignes\n# pas un titre');
  // A second import of the same file adds nothing.
  await learner(player).locator('input[type=file]').setInputFiles(file);
  await expect(learner(player).getByText('0 note ajoutée, 0 mise à jour.')).toBeVisible();
  await expect(noteFields(player)).toHaveCount(2);

  // Anything but this format is refused with a clear message.
  await learner(player).locator('input[type=file]').setInputFiles({ name: 'x.md', mimeType: 'text/markdown', buffer: Buffer.from('Bonjour') });
  await expect(learner(player).getByText('Ce fichier ne contient pas de notes exportées par le lecteur.')).toBeVisible();
});

test('two tabs do not overwrite each other’s notes', async ({ page, context, openLesson }) => {
  const playerA = await openLesson();
  const pageB = await context.newPage();
  await pageB.goto('/');
  const playerB = pageB.locator('lesson-player');
  await expect(playerB.locator('.lesson')).toHaveAttribute('data-status', 'ready');

  await addNote(playerA, 'introduction', 'Écrit dans A');
  await stored(page, 'Écrit dans A');
  // B hears of A's note without reloading, and adds its own.
  await expect(noteFields(playerB)).toHaveCount(1);
  await addNote(playerB, 'le-regne-des-process', 'Écrit dans B');
  await stored(pageB, 'Écrit dans B');
  await expect(noteFields(playerA)).toHaveCount(2);
  // A edits its note after B wrote: both survive.
  await noteFields(playerA).nth(0).pressSequentially(' (suite)');
  await stored(page, 'Écrit dans A (suite)');
  await pageB.reload();
  await expect(noteFields(playerB)).toHaveCount(2);
  await expect(noteFields(playerB).nth(0)).toHaveValue('Écrit dans A (suite)');
  await expect(noteFields(playerB).nth(1)).toHaveValue('Écrit dans B');
});

test('watching part of a chapter marks it, and the lesson’s progress grows', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const intro = player.getByRole('button', { name: /^Introduction 0:00(, |$)/ });
  await expect(intro).toHaveAccessibleName(/pas encore vu$/);
  // A seek is not watching.
  await player.evaluate((el: any) => el.seek(100));
  await player.evaluate((el: any) => el.seek(0));
  await page.evaluate(async () => {
    const player = document.querySelector('lesson-player')!;
    const video = player.shadowRoot!.querySelector('video')!;
    video.muted = true;
    video.playbackRate = 4;
    await player.play();
  });
  await expect.poll(() => mediaTime(page)).toBeGreaterThan(14);
  await player.evaluate((el: any) => el.pause());
  await expect(intro).toHaveAccessibleName(/, vu en partie$/);
  await expect(player.getByRole('button', { name: /^Le règne des process 1:13, / })).toHaveAccessibleName(/pas encore vu$/);
  await expect(learner(player).getByText(/^[1-9]\d? % de la leçon vue$/)).toBeVisible();
  await expect(intro.locator('.watched')).toHaveAttribute('data-watched', 'part');
});

test('coming back offers to resume where the learner stopped', async ({ page, openLesson }) => {
  await page.addInitScript((key) => {
    if (!localStorage.getItem(key)) {
      const record = { version: 1, lessonId: 'survivre-en-milieu-hostile', clearedAt: 0, notes: [], watched: [], position: { time: 131.4, updatedAt: 1 } };
      localStorage.setItem(key, JSON.stringify(record));
    }
  }, KEY);
  const player = await openLesson();
  await waitForMedia(page);
  const offer = learner(player).getByRole('group', { name: 'Reprendre à 2:11 ?' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Reprendre' }).click();
  await expect.poll(() => mediaTime(page)).toBeCloseTo(131.4, 0);
  await expect(offer).toBeHidden();
});

test('unreadable stored data is set aside and said, and the player works', async ({ page, openLesson }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, '{"version":1,"notes":"oops"');
    }
  }, KEY);
  const player = await openLesson();
  await expect(learner(player).getByText(/étaient illisibles/)).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith(`${KEY}:corrupt:`))).toHaveLength(1);
  await addNote(player, 'introduction', 'Nouvelle note');
  await stored(page, 'Nouvelle note');
});

test('storage that refuses writes: notes keep working in the page and the learner is told', async ({ page, openLesson }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const player = await openLesson();
  await addNote(player, 'introduction', 'Gardée en mémoire');
  await expect(learner(player).getByText(/L’enregistrement a échoué/)).toBeVisible();
  await expect(noteFields(player).first()).toHaveValue('Gardée en mémoire');
  const exported = await downloadOf(page, (await tools(player)).getByRole('button', { name: 'Exporter mes notes (.md)' }));
  expect(exported.text).toContain('Gardée en mémoire');
});

test('the transcript downloads as .txt and .vtt', async ({ page, openLesson }) => {
  const player = await openLesson();
  const txt = await downloadOf(page, (await tools(player)).getByRole('button', { name: 'Télécharger la transcription (.txt)' }));
  expect(txt.name).toBe('survivre-en-milieu-hostile.fr.txt');
  expect(txt.text.startsWith('Survivre en milieu hostile\n===')).toBe(true);
  expect(txt.text).toContain('\nLe règne des process (1:13)\n');
  expect(txt.text).toContain('[0:01] Bonjour, je suis Héla Ghariani. Depuis 2015 je suis responsable de l\'incubateur des services numériques');
  // What the slides show, from the description track, among the speech.
  expect(txt.text).toContain('\n[0:41] [Description\u00a0: Diapositive : chapitre 2 sur 9, « Une équipe faite pour survivre ». Le reste ne change pas.]\n');
  const vtt = await downloadOf(page, (await tools(player)).getByRole('button', { name: 'Télécharger les sous-titres (.vtt)' }));
  expect(vtt.name).toBe('survivre-en-milieu-hostile.fr.vtt');
  expect(vtt.text).toMatch(/^WEBVTT\n\ndescription-introduction\n00:00\.000 --> 00:01\.000\nDescription\u00a0: Diapositive sur fond bleu\..*\n\nc001\n00:01\.000 --> 00:03\.519\nBonjour, je suis Héla Ghariani\.\n\nc002\n/);
});

test('the print view reads as a lesson document, with the learner’s notes if chosen', async ({ page, openLesson }) => {
  const player = await openLesson();
  await addNote(player, 'la-crise-politique', 'Ma note imprimée');
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => void (window as any).printed++;
  });
  await (await tools(player)).getByRole('button', { name: 'Version imprimable' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).printed)).toBe(1);
  const doc = page.locator('lesson-print-document');
  await expect(doc).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(doc.getByRole('heading', { level: 1, name: 'Survivre en milieu hostile' })).toBeVisible();
  await expect(doc.getByRole('heading', { level: 2, name: /^La crise politique/ })).toBeVisible();
  await expect(doc.locator('.description').nth(5)).toContainText('Description\u00a0: Diapositive : chapitre 6 sur 9, « La crise politique »');
  await expect(doc.getByText('Ma note imprimée')).toBeVisible();
  await expect(doc.getByRole('heading', { name: 'Notes du chapitre' }).first()).toBeVisible();
  await expect(player).toBeHidden();
  // Without the learner's notes.
  await page.emulateMedia({ media: 'screen' });
  await learner(player).getByRole('checkbox', { name: 'Inclure mes notes' }).uncheck();
  await (await tools(player)).getByRole('button', { name: 'Version imprimable' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).printed)).toBe(2);
  await page.emulateMedia({ media: 'print' });
  await expect(doc.getByRole('heading', { level: 2, name: /^La crise politique/ })).toBeVisible();
  await expect(doc.getByText('Ma note imprimée')).toHaveCount(0);
});
