/**
 * What a page keeps of a component after it is gone, measured the way a browser's own tools see it:
 *
 * - `globalListeners`: every event listener on `window` and `document`, through the Chrome DevTools Protocol
 *   (`DOMDebugger.getEventListeners`), so listeners added by any code (ours, Vidstack's, Lit's) count.
 * - `expectCollected`: a `WeakRef` the page keeps to a removed element clears once V8 collects garbage
 *   (`HeapProfiler.collectGarbage`, a full GC, no launch flag needed), polled over a few GC rounds: whatever is
 *   still reachable from a listener, a timer, a frame callback or a pending promise keeps it.
 *
 * And what the lifecycle specs look at in a player (`#lecteur`): its video, its transcript and captions, its strings.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export interface GlobalListener {
  target: 'window' | 'document';
  type: string;
  /** The handler's source text, shortened: says whose listener it is when a count is off. */
  handler: string;
}

async function withCdp<T>(page: Page, run: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await run(cdp);
  } finally {
    // Detaching releases every remote object the session made (window, document, the handlers), so the probe
    // itself keeps nothing alive.
    await cdp.detach();
  }
}

/**
 * Playwright's injected script (in its own world, the first time a locator is used) listens on `window` for its
 * hit-target checks: the test tool's, not the page's.
 */
function isPlaywrightListener(type: string, handler: string): boolean {
  return type.startsWith('__playwright') || handler.includes('_hitTargetInterceptor');
}

/** Every listener on `window` and `document` (Playwright's own aside), sorted by target and type. */
export function globalListeners(page: Page): Promise<GlobalListener[]> {
  return withCdp(page, async (cdp) => {
    const found: GlobalListener[] = [];
    for (const target of ['window', 'document'] as const) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: target, objectGroup: 'lifecycle-probe' });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      for (const listener of listeners) {
        if (isPlaywrightListener(listener.type, listener.handler?.description ?? '')) continue;
        const handler = (listener.handler?.description ?? '').replace(/\s+/g, ' ').slice(0, 80);
        found.push({ target, type: listener.type, handler });
      }
    }
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'lifecycle-probe' });
    return found.sort((a, b) => `${a.target}:${a.type}`.localeCompare(`${b.target}:${b.type}`));
  });
}

/** `target:type` of each listener, for comparing counts (the handlers' text stays in the failure message). */
const listenerKeys = (listeners: GlobalListener[]) => listeners.map((l) => `${l.target}:${l.type}`);

/**
 * The listeners present now that were not in `before` (as a multiset: a second `pagehide` listener counts).
 * Empty when the page is back to where it was.
 */
function addedListeners(before: GlobalListener[], now: GlobalListener[]): GlobalListener[] {
  const left = listenerKeys(before);
  return now.filter((listener) => {
    const i = left.indexOf(`${listener.target}:${listener.type}`);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Waits until the window/document listeners are back to `before`; the message lists what stayed. */
export async function expectListenersReleased(page: Page, before: GlobalListener[], what: string): Promise<void> {
  await expect
    .poll(
      async () => addedListeners(before, await globalListeners(page)).map((l) => `${l.target}:${l.type} ${l.handler}`),
      { message: `listeners ${what} left on window/document` },
    )
    .toEqual([]);
}

/**
 * Asserts that the object behind `window.__lifecycleRefs[name]` (a WeakRef the page made) is collected: runs a
 * full garbage collection, then looks, a few rounds over (a pending task or frame may release it just after).
 */
export async function expectCollected(page: Page, name: string): Promise<void> {
  await withCdp(page, async (cdp) => {
    await expect
      .poll(
        async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          return page.evaluate((name) => {
            const refs = (window as unknown as { __lifecycleRefs: Record<string, WeakRef<object>> }).__lifecycleRefs;
            return refs[name]!.deref() === undefined;
          }, name);
        },
        { message: `${name} is collected after it was removed`, intervals: [100, 250, 500, 1000] },
      )
      .toBe(true);
  });
}

/** Keeps a WeakRef, under `name`, to the page's element matching `selector`, for `expectCollected`. */
export async function keepWeakRef(page: Page, name: string, selector: string): Promise<void> {
  await page.evaluate(
    ({ name, selector }) => {
      const holder = window as unknown as { __lifecycleRefs?: Record<string, WeakRef<object>> };
      (holder.__lifecycleRefs ??= {})[name] = new WeakRef(document.querySelector(selector)!);
    },
    { name, selector },
  );
}

// ——— The player, seen from the page (`#lecteur`: the one player on the host pages and apps) ———

export type Lang = 'fr' | 'en';

export interface Playback {
  /** Whether the player's shadow root holds a `<video>`. */
  video: boolean;
  videoPaused: boolean;
  videoTime: number;
  /** The element's public API. */
  paused: boolean;
  currentTime: number;
}

export function playback(page: Page): Promise<Playback> {
  return page.evaluate(() => {
    const player = document.getElementById('lecteur') as HTMLElementTagNameMap['lesson-player'];
    const video = player.shadowRoot?.querySelector('video');
    return { video: !!video, videoPaused: video?.paused ?? true, videoTime: video?.currentTime ?? 0, paused: player.paused, currentTime: player.currentTime };
  });
}

/** Waits for the media, then plays it muted from `from` seconds through the public API. */
export async function playFrom(page: Page, from: number): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('lecteur')?.shadowRoot?.querySelector('video')?.readyState ?? 0) >= 2);
  await page.evaluate(async (from) => {
    const player = document.getElementById('lecteur') as HTMLElementTagNameMap['lesson-player'];
    player.shadowRoot!.querySelector('video')!.muted = true;
    player.seek(from);
    await player.play();
  }, from);
  await expectPlayingPast(page, from);
}

/** The video plays (not paused, its clock and the player's moving) past `time`. */
export async function expectPlayingPast(page: Page, time: number): Promise<void> {
  await expect.poll(async () => (await playback(page)).video, { message: 'the player has a <video>' }).toBe(true);
  await expect.poll(async () => (await playback(page)).videoTime, { message: 'the video clock moves on' }).toBeGreaterThan(time + 0.5);
  await expect.poll(async () => (await playback(page)).currentTime, { message: "the player's currentTime moves on" }).toBeGreaterThan(time + 0.5);
  const now = await playback(page);
  expect(now.videoPaused, 'the video is playing').toBe(false);
  expect(now.paused, 'the player says it is playing').toBe(false);
}

/** The transcript's current line and the caption shown, as text. */
export function following(page: Page): Promise<{ line: string; caption: string; captionLang: string }> {
  return page.evaluate(() => {
    const root = document.getElementById('lecteur')!.shadowRoot!;
    const line = root.querySelector('lesson-transcript')?.shadowRoot?.querySelector('.line[aria-current="true"]')?.textContent ?? '';
    const cue = root.querySelector('lesson-captions')?.shadowRoot?.querySelector<HTMLElement>('.cue');
    return { line: line.trim(), caption: cue && !cue.hidden ? (cue.textContent ?? '').trim() : '', captionLang: cue?.getAttribute('lang') ?? '' };
  });
}

/** The transcript and the captions move on from what they show now. */
export async function expectFollowing(page: Page): Promise<void> {
  const now = await following(page);
  await expect.poll(async () => (await following(page)).line, { message: 'the transcript follows the video' }).not.toBe(now.line);
  await expect.poll(async () => (await following(page)).caption, { message: 'the captions follow the video' }).not.toBe(now.caption);
  await expect.poll(async () => (await following(page)).caption, { message: 'a caption shows' }).not.toBe('');
}

/**
 * Every text a person meets in the player, through its shadow roots: text nodes and the names given in
 * attributes (aria-label, placeholder, title), trimmed.
 */
function uiTexts(page: Page, id: string): Promise<string[]> {
  return page.evaluate((id) => {
    const texts: string[] = [];
    const visit = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (['style', 'script', 'template'].includes(element.localName)) continue;
        for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) texts.push(node.textContent!.trim());
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = element.getAttribute(name);
          if (value) texts.push(value.trim());
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document.getElementById(id)!.shadowRoot!);
    return texts;
  }, id);
}

/** Strings of each UI language (src/i18n/strings.ts, learner-strings.ts) that must not show in the other. */
const ONLY_IN: Record<Lang, RegExp[]> = {
  fr: [/^Transcription$/, /^Rechercher dans la transcription$/, /^Intégrer$/, /^Ajouter une note à /, /^Chapitre en cours$/, /^Mon suivi$/, /^Exporter, télécharger, imprimer$/, /^Lecture$/, /^Sous-titres$/],
  en: [/^Transcript$/, /^Search the transcript$/, /^Embed$/, /^Add a note at /, /^Current chapter$/, /^My learning$/, /^Export, download, print$/, /^Play$/, /^Captions$/],
};

/** The panels, the toolbar and the video's controls all speak `lang`, and nothing of the other language shows. */
export async function expectStringsIn(page: Page, lang: Lang, id = 'lecteur'): Promise<void> {
  const player = page.locator(`#${id}`);
  const s = {
    fr: { transcript: 'Transcription', search: 'Rechercher dans la transcription', embed: 'Intégrer', addNote: /^Ajouter une note à \d/, learner: 'Mon suivi' },
    en: { transcript: 'Transcript', search: 'Search the transcript', embed: 'Embed', addNote: /^Add a note at \d/, learner: 'My learning' },
  }[lang];
  await expect(player.locator('lesson-transcript h2'), 'the transcript').toHaveText(s.transcript);
  await expect(player.locator('lesson-transcript input[type="search"]'), 'the transcript search').toHaveAccessibleName(s.search);
  await expect(player.locator('lesson-embed').getByRole('button').first(), 'the Embed button').toHaveText(s.embed);
  await expect(player.locator('lesson-learner h2'), 'the learner panel').toHaveText(s.learner);
  await expect(player.locator('lesson-learner button.add-note'), "the learner panel's Add a note").toHaveAccessibleName(s.addNote);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const texts = await uiTexts(page, id);
  expect(texts.filter((text) => ONLY_IN[other].some((re) => re.test(text))), `strings of the other language (${other}) in #${id}, a ${lang} player`).toEqual([]);
}
