/**
 * Audio description (RGAA 4.5/4.6, WCAG 1.2.5, EN 301 549 7.1.5/7.3) in a real browser.
 *
 * Speech is stubbed at the Web Speech boundary: `page.addInitScript` replaces `window.speechSynthesis` and
 * `SpeechSynthesisUtterance` before the page runs, recording each utterance (text, language, rate, the video's time
 * and play state when it was handed over) and letting the test end it, as a voice would. Debian's headless
 * Chromium has no voice to speak with (no speech-dispatcher on the test machine), so nothing real is heard; the
 * player's own code (src/media/speech-engine.ts) runs unchanged over the stub.
 */
import type { Locator, Page } from '@playwright/test';
import { axeViolations, menusSettled } from './a11y-helpers.ts';
import { expect, test, waitForMedia } from './fixtures.ts';

interface Spoken {
  text: string;
  lang: string;
  rate: number;
  time: number;
  paused: boolean;
}

/** The stub: voices for French and English; `__speech.end()` ends the utterance being spoken. */
async function stubSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spoken: unknown[] = [];
    let current: { onend?: (() => void) | null } | null = null;
    let cancels = 0;
    class Utterance {
      lang = '';
      rate = 1;
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: ((e: { error: string }) => void) | null = null;
      constructor(public text: string) {}
    }
    const video = () => document.querySelector('lesson-player')?.shadowRoot?.querySelector('video');
    const synth = {
      getVoices: () => [
        { lang: 'fr-FR', name: 'Stub français', default: true, localService: true, voiceURI: 'stub-fr' },
        { lang: 'en-GB', name: 'Stub English', default: false, localService: true, voiceURI: 'stub-en' },
      ],
      speak(u: Utterance) {
        spoken.push({ text: u.text, lang: u.lang, rate: u.rate, time: video()?.currentTime ?? -1, paused: video()?.paused ?? true });
        current = u;
      },
      cancel() {
        cancels++;
        current = null;
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, '__speech', {
      value: {
        spoken,
        get cancels() {
          return cancels;
        },
        end() {
          const u = current;
          current = null;
          u?.onend?.();
        },
      },
    });
  });
}

/** Opens Settings → Audio description by keyboard, each menu used once it has opened, as a person sees it. */
async function openDescriptionMenu(page: Page, player: Locator, names = { settings: 'Paramètres', menu: /^Audiodescription/ }): Promise<void> {
  await player.getByRole('button', { name: names.settings }).focus();
  await page.keyboard.press('Enter');
  await menusSettled(page);
  await player.getByRole('menuitem', { name: names.menu }).focus();
  await page.keyboard.press('Enter');
  await menusSettled(page);
}

/** Chooses a radio or toggles a checkbox of the open menu by keyboard. */
async function choose(page: Page, item: Locator): Promise<void> {
  await item.focus();
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
}

const spoken = (page: Page) => page.evaluate(() => (window as any).__speech.spoken as Spoken[]);
const paused = (page: Page) => page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')!.paused);

async function playFrom(player: Locator, time: number): Promise<void> {
  await player.evaluate(async (el: any, t: number) => {
    el.seek(t);
    el.shadowRoot.querySelector('video').muted = true;
    await el.play();
  }, time);
}

test('the AD button and its settings submenu by keyboard, axe clean, the choice remembered', async ({ page, openLesson }) => {
  await stubSpeech(page);
  const player = await openLesson();

  // The control sits right after the captions button, in the control bar, and says its state.
  const off = player.getByRole('button', { name: 'AD, audiodescription désactivée' });
  await expect(off).toHaveAttribute('aria-pressed', 'false');
  const besideCaptions = await player.evaluate((el: any) => {
    const captions = el.shadowRoot.querySelector('media-caption-button').closest('media-tooltip');
    return captions.nextElementSibling?.classList.contains('lesson-ad-button') ?? false;
  });
  expect(besideCaptions).toBe(true);
  await off.focus();
  await page.keyboard.press('Enter');
  const on = player.getByRole('button', { name: 'AD, audiodescription activée' });
  await expect(on).toHaveAttribute('aria-pressed', 'true');

  // Its settings are a submenu of the player's settings, by keyboard too: read by the player.
  await openDescriptionMenu(page, player);
  const speech = player.getByRole('menuitemradio', { name: /lues par le lecteur vidéo/ });
  await choose(page, speech);
  await expect(speech).toHaveAttribute('aria-checked', 'true');
  await expect(player.getByRole('menuitem', { name: /^Audiodescription/ })).toContainText('Lue');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Remembered for this learner: after a reload the control is still on and delivery still speech.
  await page.reload();
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  await expect(player.getByRole('button', { name: 'AD, audiodescription activée' })).toHaveAttribute('aria-pressed', 'true');
  await openDescriptionMenu(page, player);
  await expect(player.getByRole('menuitemradio', { name: /lues par le lecteur vidéo/ })).toHaveAttribute('aria-checked', 'true');
});

test('the descriptions in the transcript: apart from the speech, not lines to play, found by the search', async ({ page, openLesson }) => {
  const player = await openLesson();

  // The transcript shows each description under its chapter, apart from the speech: not a line to play.
  const described = player.locator('lesson-transcript .description');
  await expect(described).toHaveCount(9);
  await expect(described.nth(1)).toHaveText('Description : Diapositive : chapitre 2 sur 9, « Une équipe faite pour survivre ». Le reste ne change pas.');
  expect(await described.nth(1).evaluate((el) => el.closest('.line, button, a, [tabindex]') === null)).toBe(true);

  // The search finds them too: counted with the speech, painted in the description, Enter goes to its slide.
  const search = player.getByRole('searchbox', { name: 'Rechercher dans la transcription' });
  await search.fill('diapositive : chapitre 2');
  await expect(player.locator('lesson-transcript #search-status')).toHaveText('1 sur 1');
  await search.press('Enter');
  await expect.poll(() => player.evaluate((el: any) => el.shadowRoot.querySelector('video').currentTime)).toBeCloseTo(41.5, 1);
  const painted = await page.evaluate(() => {
    const [range] = (CSS as any).highlights.get('lesson-transcript-current-match') as Iterable<Range>;
    return [range!.toString(), range!.startContainer.parentElement!.closest('.description') !== null];
  });
  expect(painted).toEqual(['Diapositive : chapitre 2', true]);
  await search.press('Escape');
});

test('read by the player: an extended description pauses the video until its end, a seek cancels it', async ({ page, openLesson }) => {
  await stubSpeech(page);
  await page.addInitScript(() => localStorage.setItem('lesson-player:audio-description', JSON.stringify({ on: true, delivery: 'speech' })));
  const player = await openLesson();
  await expect(player.getByRole('button', { name: 'AD, audiodescription activée' })).toHaveAttribute('aria-pressed', 'true');
  await waitForMedia(page);

  // Chapter 2's slide appears at 41.5 s, when speech starts again: its description is extended.
  await playFrom(player, 40.8);
  await expect.poll(async () => (await spoken(page)).length).toBe(1);
  const [first] = await spoken(page);
  expect(first!.text).toBe('Diapositive : chapitre 2 sur 9, « Une équipe faite pour survivre ». Le reste ne change pas.');
  expect(first!.lang).toBe('fr');
  expect(first!.rate).toBe(1);
  expect(first!.time).toBeGreaterThanOrEqual(41.5);
  expect(first!.time).toBeLessThan(42.5);
  await expect.poll(() => paused(page)).toBe(true);
  await page.evaluate(() => (window as any).__speech.end());
  await expect.poll(() => paused(page)).toBe(false);

  // Chapter 3: held again; the learner seeks away: speech cancelled, the video plays on from there.
  const cancelsBefore = await page.evaluate(() => (window as any).__speech.cancels as number);
  await player.evaluate((el: any) => el.seek(73));
  await expect.poll(async () => (await spoken(page)).length).toBe(2);
  expect((await spoken(page))[1]!.text).toContain('chapitre 3 sur 9');
  await expect.poll(() => paused(page)).toBe(true);
  await player.evaluate((el: any) => el.seek(20));
  await expect.poll(() => page.evaluate(() => (window as any).__speech.cancels as number)).toBeGreaterThan(cancelsBefore);
  await expect.poll(() => paused(page)).toBe(false);
  expect(await spoken(page)).toHaveLength(2);
});

test('spoken subtitles read the English subtitles aloud, in English, never holding the video; the descriptions attribute picks a track', async ({ page, openLesson }) => {
  await stubSpeech(page);
  const player = await openLesson();
  await waitForMedia(page);
  const language = () => player.evaluate((el: any) => el.controller.snapshot.descriptions.language);

  // The attribute: a language reads that track, `off` turns description off.
  await player.evaluate((el) => el.setAttribute('descriptions', 'en'));
  await expect(player.getByRole('button', { name: 'AD, audiodescription activée' })).toHaveAttribute('aria-pressed', 'true');
  expect(await language()).toBe('en');
  await player.evaluate((el) => el.setAttribute('descriptions', 'off'));
  await expect(player.getByRole('button', { name: 'AD, audiodescription désactivée' })).toHaveAttribute('aria-pressed', 'false');
  expect(await language()).toBeNull();

  // Description off, spoken subtitles on, read by the player; the English subtitles shown.
  await openDescriptionMenu(page, player);
  await choose(page, player.getByRole('menuitemradio', { name: /lues par le lecteur vidéo/ }));
  const spokenSubtitles = player.getByRole('menuitemcheckbox', { name: 'Lire aussi les sous-titres à voix haute' });
  await choose(page, spokenSubtitles);
  await expect(spokenSubtitles).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await player.evaluate((el: any) => el.setCaptions('en'));
  const cue = await player.evaluate((el: any) => {
    const cues = el.controller.model.captionTracks.get('en');
    return cues.find((c: { start: number }) => c.start > 60);
  });
  await playFrom(player, cue.start - 0.3);
  await expect.poll(async () => (await spoken(page)).some((u) => u.time >= cue.start - 0.05)).toBe(true);
  const said = (await spoken(page)).find((u) => u.time >= cue.start - 0.05)!;
  expect(said.text.replace(/\s+/g, ' ')).toBe(cue.text.replace(/\s+/g, ' '));
  expect(said.lang).toBe('en');
  expect(said.paused).toBe(false);
  expect(await paused(page)).toBe(false); // a subtitle read aloud never holds the video
  expect((await spoken(page)).filter((u) => /^(Slide|Diapositive)/.test(u.text))).toEqual([]);
});

test.describe('announced to the screen reader', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource/] });

  test('each description once in the live region, the video held while it is read; a broken track named in English', async ({ page, openLesson }) => {
    await stubSpeech(page);
    // The French description track is missing: the English page still plays with the English one.
    await page.route('**/descriptions/survivre-en-milieu-hostile.fr.vtt', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const player = await openLesson();
    await player.evaluate((el: any) => el.setAttribute('lang', 'en'));
    const alert = player.getByRole('alert');
    await expect(alert).toContainText('Loading problems');
    await expect(alert).toContainText('the audio description');
    await expect(alert).toContainText('survivre-en-milieu-hostile.fr.vtt');
    await waitForMedia(page);

    // Every text the polite live region takes, recorded as it comes.
    await player.evaluate((el: any) => {
      const region = el.shadowRoot.querySelector('[role="status"][aria-live="polite"]');
      const seen: string[] = ((window as any).__announced = []);
      new MutationObserver(() => seen.push(region.textContent.trim())).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await player.evaluate((el: any) => el.setDescriptions(true));
    await expect(player.getByRole('button', { name: 'AD, audio description on' })).toHaveAttribute('aria-pressed', 'true');
    await openDescriptionMenu(page, player, { settings: 'Settings', menu: /^Audio description/ });
    await expect(player.getByRole('menuitemradio', { name: /announced to my screen reader/ })).toHaveAttribute('aria-checked', 'true');
    const double = player.getByRole('menuitemradio', { name: '2 ×' });
    await choose(page, double);
    await expect(double).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await playFrom(player, 40.8);
    const slide = 'Slide: chapter 2 of 9, “A team built to survive”. The rest is unchanged.';
    const saidSlide = (texts: string[]) => texts.filter((t) => t.includes(slide));
    await expect.poll(async () => saidSlide(await page.evaluate(() => (window as any).__announced)).length).toBe(1);
    await expect.poll(() => paused(page)).toBe(true); // held for its reading time at rate 2 (72 characters, 2.4 s)
    await expect.poll(() => paused(page), { timeout: 10_000 }).toBe(false);
    const announced: string[] = await page.evaluate(() => (window as any).__announced);
    expect(saidSlide(announced)).toHaveLength(1); // once, though the region also said the chapter change
    expect(announced.filter((t) => t.includes('Slide:'))).toHaveLength(1);
    expect(await spoken(page)).toEqual([]); // no synthetic voice in this mode
    expect(await axeViolations(page)).toEqual([]);
  });
});
