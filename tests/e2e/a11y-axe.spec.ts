/**
 * axe-core on the demo page in each state a learner meets, every rule on (a11y-helpers.ts). Scoped to the player
 * where the state is the player's, with one full-page run for the page around it.
 */
import type { Page } from '@playwright/test';
import { axeViolations, menusSettled } from './a11y-helpers.ts';
import { expect, playMuted, test, waitForMedia } from './fixtures.ts';

// axe over a few hundred transcript lines in shadow roots takes seconds idle, and near a minute on a very busy
// machine (load average 30 on 2 cores was seen): a limit, not a wait.
test.describe.configure({ timeout: 120_000 });

const violations = (page: Page, scope: 'page' | 'player' = 'player') => axeViolations(page, scope === 'player' ? 'lesson-player' : undefined);

test('initial (whole page)', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  // The notes come once the lesson has painted: checked with the rest.
  await expect(player.locator('lesson-notes .note-body')).toHaveCount(9);
  expect(await violations(page, 'page')).toEqual([]);
});

test('playing, with captions on', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  // Captions on before playing: once it plays, Vidstack hides its controls after 2 s without a pointer move.
  await player.getByRole('button', { name: 'Sous-titres' }).first().click();
  await playMuted(page);
  await expect(player.locator('lesson-captions .cue')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('captions menu open', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  // Each menu at rest before the next click (a click while it still grows can land beside it, and close it).
  await player.getByRole('button', { name: 'Paramètres' }).click();
  await menusSettled(page);
  await player.getByRole('menuitem', { name: /^Sous-titres/ }).click();
  await menusSettled(page);
  await expect(player.getByRole('menuitemradio', { name: 'Français' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('search with results', async ({ page, openLesson }) => {
  const player = await openLesson();
  await player.getByRole('searchbox').fill('process');
  await expect(player.locator('.lesson > [role="status"]')).toHaveText(/sur/);
  expect(await violations(page)).toEqual([]);
});

test('notes open', async ({ page, openLesson }) => {
  const player = await openLesson();
  await player.getByRole('button', { name: 'Notes : La crise politique' }).click();
  await expect(player.locator('lesson-notes').getByRole('heading', { name: 'La crise politique', level: 3 })).toBeFocused();
  expect(await violations(page)).toEqual([]);
});

test.describe('error shown', () => {
  test.use({ allowConsoleErrors: [/404/] });
  test('a broken caption file', async ({ page, openLesson }) => {
    await page.route('**/captions/survivre-en-milieu-hostile.fr.vtt', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const player = await openLesson();
    await expect(player.getByRole('alert')).toContainText('survivre-en-milieu-hostile.fr.vtt');
    expect(await violations(page)).toEqual([]);
  });
});

test('narrow viewport (320 px)', async ({ page, openLesson }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openLesson();
  expect(await violations(page, 'page')).toEqual([]);
});

test('English UI', async ({ page, openLesson }) => {
  const player = await openLesson();
  await player.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(player.getByRole('heading', { name: 'Transcript' })).toBeVisible();
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  await expect(player.locator('lesson-chapters').getByRole('button').first()).toHaveAccessibleName(/^Introduction 0:00(, |$)/);
  expect(await violations(page)).toEqual([]);
});

test('the check itself: a nameless button in the player is found, scoped to the player and on the whole page', async ({ page, openLesson }) => {
  const player = await openLesson();
  expect(await violations(page)).toEqual([]);
  await player.evaluate((el) => el.shadowRoot!.querySelector('.lesson')!.append(Object.assign(document.createElement('button'), { className: 'nameless' })));
  expect(await violations(page)).toEqual(['button-name: #lecteur,.nameless']);
  expect(await violations(page, 'page')).toEqual(['button-name: #lecteur,.nameless']);
});
