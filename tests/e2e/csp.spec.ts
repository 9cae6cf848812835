/**
 * The whole lesson under a strict Content-Security-Policy with Trusted Types (`/csp.html`, header set by the
 * strictCspPage plugin in vite.config.ts): it loads, plays with captions, audio description turns on, the transcript
 * searches, notes render and the player's menus open, and no `securitypolicyviolation` event fires on the way.
 */
import { menusSettled } from './a11y-helpers.ts';
import { expect, pauseWithControls, playMuted, test, waitForMedia } from './fixtures.ts';

// The last step assigns a stray string on purpose: Chromium logs its refusal.
test.use({ allowConsoleErrors: [/requires 'TrustedHTML' assignment/] });

test('the lesson works under a strict CSP and Trusted Types without a single violation', async ({ page, openLesson }) => {
  await page.addInitScript(() => {
    const seen: string[] = ((window as any).__violations = []);
    document.addEventListener(
      'securitypolicyviolation',
      (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      true,
    );
  });
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/csp.html');
  const player = await openLesson('/csp.html');
  const csp = (await response).headers()['content-security-policy'] ?? '';
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("style-src 'self';");
  await waitForMedia(page);

  // Captions on, at a cue: the overlay shows its words.
  const cue = await player.evaluate((el: any) => el.cues[2]);
  await player.evaluate((el: any, t: number) => el.seek(t), cue.start + 0.1);
  await player.getByRole('button', { name: /sous-titres/i }).first().click();
  await expect(player.locator('lesson-captions .cue')).toContainText(cue.text.split('\n')[0]);
  await playMuted(page);
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(cue.start + 0.5);

  // The transcript searches and the notes render (marked + DOMPurify under Trusted Types).
  const transcript = player.getByRole('region', { name: 'Transcription' });
  await transcript.getByRole('searchbox', { name: 'Rechercher dans la transcription' }).fill('securitaire');
  await expect(transcript.locator('#search-status')).toContainText(/sur/);
  await expect(player.locator('lesson-notes .note-body').first()).not.toBeEmpty();

  // Audio description on (the controls shown): the control bar button renders.
  await pauseWithControls(player);
  await player.getByRole('button', { name: 'AD, audiodescription désactivée' }).click();
  await expect(player.getByRole('button', { name: 'AD, audiodescription activée' })).toHaveAttribute('aria-pressed', 'true');

  // The settings menu renders its items (Vidstack's lit-html 2 templates and icons), and the audio description
  // submenu of ours among them.
  const settings = player.getByRole('button', { name: 'Paramètres' }).first();
  await settings.click();
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  const menu = player.locator(`[id="${await settings.getAttribute('aria-controls')}"]`);
  await expect(menu).toContainText('Vitesse');
  await expect(menu).toContainText('Style des sous-titres');
  await menusSettled(page);
  await player.getByRole('menuitem', { name: /^Audiodescription/ }).click();
  await expect(player.getByRole('menuitemradio', { name: /annoncées à mon lecteur d’écran/ })).toHaveAttribute('aria-checked', 'true');

  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);

  // The listener is live and Trusted Types are enforced: a stray HTML string is refused and reported.
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b onclick="x()">x</b>';
      return false;
    } catch {
      return true;
    }
  });
  expect(refused).toBe(true);
  await expect.poll(() => page.evaluate(() => (window as any).__violations.length)).toBe(1);
});
