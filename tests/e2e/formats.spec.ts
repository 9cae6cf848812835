/**
 * Caption files as other tools write them (tests/fixtures/formats) play in the player with no problem shown to the
 * learner: what browsers tolerate goes to the console. The problems list, when there are problems, stays compact.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { convertSubtitles, decodeSubtitleBytes, subtitleFormat } from '../../src/core/subtitle-convert.ts';
import { DEMO_MANIFEST, expect, test } from './fixtures.ts';

const FORMATS = new URL('../fixtures/formats/', import.meta.url);

/** A fixture as the player gets it: WebVTT as is, SRT and SBV through `lesson-player convert`'s core. */
function asVtt(name: string): string {
  const bytes = new Uint8Array(readFileSync(new URL(name, FORMATS)));
  if (name.endsWith('.vtt')) return new TextDecoder().decode(bytes);
  const { text } = decodeSubtitleBytes(bytes);
  const converted = convertSubtitles(text, subtitleFormat(name, text)!);
  if (!converted.ok) throw new Error(`${name}: ${converted.message}`);
  return converted.vtt;
}

interface Track {
  lang: string;
  file: string;
}

/** Serves a lesson of the demo's media with these tracks (and no notes) in place of the demo lesson. */
async function serveLesson(page: Page, captions: Track[], chapters: Track[] = []): Promise<void> {
  const manifest = {
    version: 1,
    id: 'formats',
    title: { fr: 'Formats', en: 'Formats' },
    language: 'fr',
    media: [{ src: '../media/survivre-en-milieu-hostile.webm', type: 'video/webm' }],
    captions: captions.map((t, i) => ({ lang: t.lang, label: t.lang, kind: i === 0 ? 'captions' : 'subtitles', src: `/formats/${t.file}` })),
    chapters: chapters.map((t) => ({ lang: t.lang, src: `/formats/${t.file}` })),
  };
  await page.route(DEMO_MANIFEST, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
  await page.route('**/formats/*', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*\/formats\//, ''));
    return route.fulfill({ contentType: 'text/vtt; charset=utf-8', body: asVtt(name) });
  });
}

const CAPTION_FILES: [string, string, string][] = [
  ['youtube-manual.fr.vtt', 'fr', 'Bonjour et bienvenue'],
  ['youtube-auto.en.vtt', 'fr', 'welcome to this lesson'],
  ['vimeo.fr.vtt', 'fr', 'Vous êtes l\'équipe du service'],
  ['amara.en.vtt', 'fr', 'Welcome to this lesson.'],
  ['subtitle-edit.fr.vtt', 'fr', 'ce service'],
  ['able-player.fr.vtt', 'fr', 'Bienvenue dans ce module de formation.'],
  ['subtitling-company.fr.srt', 'fr', 'c’est l’été'],
  ['youtube.en.sbv', 'fr', 'digital public services'],
];

for (const [file, lang, text] of CAPTION_FILES) {
  test(`${file} plays with no learner-facing problem`, async ({ page, openLesson }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await serveLesson(page, [{ lang, file }]);
    const player = await openLesson();
    const transcript = player.locator('lesson-transcript');
    await expect(transcript.getByText(text).first()).toBeVisible();
    // Word timings never show as text.
    await expect(transcript).not.toContainText('<00:');
    await expect(transcript).not.toContainText('00:00:00');
    await expect(player.getByRole('alert')).toHaveCount(0);
    await expect(player.locator('[part~="errors"]')).toHaveCount(0);
    if (/youtube-(manual|auto)|able-player/.test(file)) expect(warnings.join('\n')).toMatch(/\[vtt-header\]/);
  });
}

test('chapters with ids such as "Chapitre 1" work, #chapter= links included, and a lesson without notes has no Notes controls', async ({ page, openLesson }) => {
  const captions = [{ lang: 'fr', file: 'able-player.fr.vtt' }, { lang: 'en', file: 'amara.en.vtt' }];
  await serveLesson(page, captions, [{ lang: 'fr', file: 'able-player.chapters.fr.vtt' }, { lang: 'en', file: 'able-player.chapters.en.vtt' }]);
  const player = await openLesson('/#chapter=six-mois-plus-tard');
  await expect(player.getByRole('alert')).toHaveCount(0);
  const chapters = player.locator('lesson-chapters');
  await expect(chapters.getByRole('button', { name: /Six mois plus tard/ })).toBeVisible();
  await expect.poll(() => player.evaluate((el: any) => el.chapters.map((c: any) => c.id))).toEqual(['introduction', 'six-mois-plus-tard']);
  await expect(player.locator('.current-chapter .title')).toHaveText('Six mois plus tard');
  // The voice is kept as the cue's speaker, and shown before its words in the transcript.
  expect(await player.evaluate((el: any) => el.cues[0].speaker)).toBe('Narratrice');
  const voice = player.locator('lesson-transcript .cue-v[data-voice="Narratrice"]').first();
  await expect(voice).toHaveText('Bienvenue dans ce module de formation.');
  expect(await voice.evaluate((el) => getComputedStyle(el, '::before').content)).toMatch(/^"Narratrice\u00a0: "$|^"Narratrice : "$/);
  await expect(player.locator('lesson-notes')).toHaveCount(0);
  await expect(chapters.locator('[part~="notes"]')).toHaveCount(0);

  // In English (the lesson has English captions), the English track ("Chapter 1", "Chapter 2") takes the French ids, paired by position: the same
  // #chapter= links work in both languages.
  await player.evaluate((el: any) => el.setAttribute('lang', 'en'));
  await expect(chapters.getByRole('button', { name: /Six months later/ })).toBeVisible();
  expect(await player.evaluate((el: any) => el.chapters.map((c: any) => c.id))).toEqual(['introduction', 'six-mois-plus-tard']);
  await expect(player.getByRole('alert')).toHaveCount(0);
});

test.describe('problems the learner must know about', () => {
  test.use({ allowConsoleErrors: [/404/] });
  test('stay compact, grouped by file and expandable by keyboard, and never push the video out of view', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await serveLesson(page, [{ lang: 'fr', file: 'vimeo.fr.vtt' }, { lang: 'en', file: 'amara.en.vtt' }], [{ lang: 'fr', file: 'able-player.chapters.fr.vtt' }]);
    await page.route('**/formats/*', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto('/');
    const player = page.locator('lesson-player');
    const alert = player.getByRole('alert');
    await expect(alert.locator('details')).toHaveCount(3);
    await expect(alert.locator('details[open]')).toHaveCount(0);
    await expect(alert.locator('summary').first()).toContainText(/vimeo\.fr\.vtt|amara\.en\.vtt|able-player/);
    // The list takes a few lines, and the video follows it.
    const list = (await alert.boundingBox())!;
    const media = (await player.locator('.media').boundingBox())!;
    expect(list.height).toBeLessThan(200);
    expect(media.y - (list.y + list.height)).toBeLessThan(80);
    // A summary opens by keyboard and shows the problem in the UI language.
    const first = alert.locator('summary').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(alert.locator('details[open] li')).toContainText(/introuvable sur le serveur \(erreur 404\)/);
  });
});
