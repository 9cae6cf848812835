import { expect, mediaTime, playMuted, test, waitForMedia } from './fixtures.ts';

const MANIFEST = '/lessons/survivre-en-milieu-hostile.json';
const FR_CAPTIONS = '/captions/survivre-en-milieu-hostile.fr.vtt';

test('the lesson loads, plays muted and its current chapter follows the media clock', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  await expect(player.locator('.current-chapter .title')).toHaveText('Introduction');
  const chapters = await player.evaluate((el: any) => el.chapters.map((c: any) => ({ id: c.id, start: c.start })));
  const second = chapters[1];
  await player.evaluate((el: any, t: number) => el.seek(t), second.start - 0.6);
  await playMuted(page);
  await expect(player.locator('.current-chapter .title')).not.toHaveText('Introduction', { timeout: 5000 });
  expect(await player.evaluate((el: any) => el.activeChapter.id)).toBe(second.id);
  // While playing, a chapter is marked in the frame nearest to its start (playing-clock.ts): at 1×, at most half a
  // frame early, and the frames counted are at most 1/30 s.
  expect(await mediaTime(page)).toBeGreaterThanOrEqual(second.start - 1 / 60);
});

test('captions show over the video after turning them on, as text', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const cue = await player.evaluate((el: any) => el.cues[3]);
  await player.evaluate((el: any, t: number) => el.seek(t), cue.start + 0.1);
  const overlay = player.locator('lesson-captions .cue');
  await expect(overlay).toBeHidden();
  await player.getByRole('button', { name: /sous-titres/i }).first().click();
  await expect(overlay).toBeVisible();
  // Cue lines render as lines (white-space: pre-line): compare the words.
  await expect.poll(async () => (await overlay.innerText()).replace(/\s+/g, ' ')).toBe(cue.text.replace(/\s+/g, ' '));
});

test('#t= starts the player at that time', async ({ page, openLesson }) => {
  await openLesson('/#t=1:05');
  await waitForMedia(page);
  await expect.poll(() => mediaTime(page)).toBeCloseTo(65, 0);
});

test('#chapter= starts the player at that chapter', async ({ page, openLesson }) => {
  const player = await openLesson('/#chapter=la-crise-politique');
  await waitForMedia(page);
  const start = await player.evaluate((el: any) => el.chapters.find((c: any) => c.id === 'la-crise-politique').start);
  await expect.poll(() => mediaTime(page)).toBeCloseTo(start, 1);
  await expect(player.locator('.current-chapter .title')).toHaveText('La crise politique');
});

test.describe('bad links', () => {
  test.use({ allowConsoleErrors: [] });
  test('a bad #t= is ignored with a warning, never an exception', async ({ page, openLesson }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await openLesson('/#t=abc&chapter=nope');
    await waitForMedia(page);
    expect(await mediaTime(page)).toBe(0);
    expect(warnings.join('\n')).toMatch(/t="abc"/);
    expect(warnings.join('\n')).toMatch(/no chapter "nope"/);
  });
});

test('the public API and events', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const detail = await player.evaluate(async (el: any) => {
    const change = new Promise((resolve) =>
      el.addEventListener('lesson-chapterchange', (e: CustomEvent) => resolve(e.detail.chapter.id), { once: true }),
    );
    el.seekToChapter('la-panique-securitaire');
    return change;
  });
  expect(detail).toBe('la-panique-securitaire');
  expect(await player.evaluate((el: any) => [el.paused, el.duration > 60, el.cues.length > 20, el.chapters.length])).toEqual([
    true,
    true,
    true,
    9,
  ]);
});

test.describe('a broken caption file', () => {
  test.use({ allowConsoleErrors: [/404/] });
  test('shows which file failed and the video still plays', async ({ page, openLesson }) => {
    await page.route(`**${FR_CAPTIONS}`, (route) => route.fulfill({ status: 200, contentType: 'text/vtt', body: 'NOT A VTT FILE\n' }));
    const player = await openLesson();
    const errors = player.getByRole('alert');
    await expect(errors).toContainText('survivre-en-milieu-hostile.fr.vtt');
    await expect(errors).toContainText(/ligne 1/);
    await waitForMedia(page);
    await playMuted(page);
    await expect.poll(() => mediaTime(page)).toBeGreaterThan(0.3);
  });

  test('a missing caption file says so, and the chapters still work', async ({ page, openLesson }) => {
    await page.route(`**${FR_CAPTIONS}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
    const player = await openLesson();
    await expect(player.getByRole('alert')).toContainText(/survivre-en-milieu-hostile\.fr\.vtt.*404/);
    await expect(player.locator('lesson-chapters')).toBeVisible();
  });
});

test('a missing manifest shows a clear error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(`**${MANIFEST}`, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('/');
  const player = page.locator('lesson-player');
  await expect(player.getByRole('alert')).toContainText(/manifeste.*404/);
  expect(errors).toEqual([]);
});

test('switching the UI to English keeps the video where it was and shows the English words', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  await player.evaluate((el: any) => el.seek(60));
  await expect.poll(() => mediaTime(page)).toBeCloseTo(60, 0);
  await player.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(player.getByRole('heading', { name: 'Transcript' })).toBeVisible();
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  expect(await player.evaluate((el: any) => el.cues[1].text)).toMatch(/^Since 2015/);
  // One video, not torn down and rebuilt: its clock is still where the viewer left it.
  expect(await player.evaluate((el) => el.shadowRoot!.querySelectorAll('media-player').length)).toBe(1);
  expect(await mediaTime(page)).toBeCloseTo(60, 0);
  await expect(player.locator('media-player')).toHaveAttribute('lang', 'en');
  // The video's region is named in English with the English title, its last word intact (Vidstack's own
  // `data-remote-state` on the player once made it "Surviving in a hostile disconnected").
  await expect(player.locator('media-player')).toHaveAttribute('aria-label', 'Video Player - Surviving in a hostile environment');
});
