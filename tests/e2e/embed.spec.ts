/**
 * Issue #6, embedding: host pages served from other origins (tests/e2e/host-server.mjs) use the library with one
 * script tag, survive hostile host CSS, hold five independent players, and drive the iframe embed through its
 * postMessage API, which ignores origins it was not told to trust.
 *
 * Issue #16: the player, the lesson and embed.html are served by nginx with the project's configuration
 * (hosting/nginx.conf.template, started by tests/e2e/nginx.ts on the build): its CORS headers, types, ranges and
 * compression are what these pages load through, and the embed and the demo page run under its strict CSP header.
 */
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures.ts';
import { startHostServers } from './host-server.mjs';

interface Origins {
  /** nginx, serving the build. */
  lesson: string;
  /** The host pages' origin, and a third one. */
  host: string;
  third: string;
}

const test = base.extend<object, { origins: Origins }>({
  origins: [
    async ({ nginx }, use) => {
      const hosts = await startHostServers({ lessonOrigin: nginx.origin });
      await use({ lesson: nginx.origin, host: hosts.host, third: hosts.third });
      await hosts.close();
    },
    { scope: 'worker' },
  ],
});

const manifestOf = (lesson: string) => `${lesson}/lessons/survivre-en-milieu-hostile.json`;

async function ready(page: Page, selector = 'lesson-player') {
  const player = page.locator(selector);
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  return player;
}

/** Waits for a player's media (Vidstack loads it once the player is in view), then plays it muted. */
async function playMuted(page: Page, id: string) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => (document.getElementById(id)?.shadowRoot?.querySelector('video')?.readyState ?? 0) >= 2, id);
  await page.evaluate(async (id) => {
    const player = document.getElementById(id) as HTMLElementTagNameMap['lesson-player'];
    player.shadowRoot!.querySelector('video')!.muted = true;
    await player.play();
  }, id);
}

test('one script tag on another origin: the lesson loads from its own origin with CORS, plays and syncs the transcript', async ({ page, consoleErrors, origins }) => {
  void consoleErrors;
  const { lesson: LESSON, host: HOST } = origins;
  const requests: { url: string; cors: string | undefined }[] = [];
  page.on('response', (r) => requests.push({ url: r.url(), cors: r.headers()['access-control-allow-origin'] }));
  await page.goto(`${HOST}/script-tag.html`);
  const player = await ready(page);

  // Paths inside the manifest resolved against the manifest's URL, on the lesson's origin.
  // Vidstack sets the source a moment after the lesson is ready.
  await expect
    .poll(() => page.evaluate(() => document.querySelector('lesson-player')!.shadowRoot!.querySelector('video')?.currentSrc ?? ''))
    .toMatch(new RegExp(`^${LESSON.replace(/[.:/]/g, '\\$&')}/media/survivre-en-milieu-hostile\\.`));
  for (const path of ['/lessons/', '/captions/', '/chapters/', '/lib/lesson-player.js']) {
    const hit = requests.find((r) => r.url.startsWith(LESSON + path));
    expect(hit, `request for ${path}`).toBeDefined();
    expect(hit!.cors, `CORS header on ${hit!.url}`).toBe('*');
  }

  await playMuted(page, 'lecteur');
  const current = player.locator('lesson-transcript .line[aria-current="true"]');
  const first = await current.textContent();
  await expect.poll(async () => current.textContent(), { timeout: 8000 }).not.toBe(first);

  // The notes' lazy chunks (marked, DOMPurify) come from the library's origin, next to its script.
  await page.evaluate(() => document.querySelector('lesson-player')!.openNotes('la-crise-politique'));
  await expect(player.locator('lesson-notes .note-body').first()).not.toBeEmpty();
  const chunks = requests.filter((r) => /marked|purify/.test(r.url));
  expect(chunks.length).toBeGreaterThanOrEqual(2);
  for (const chunk of chunks) expect(chunk.url.startsWith(`${LESSON}/lib/chunks/`)).toBe(true);
});

test('hostile host CSS leaves the player intact, and the player changes nothing outside it', async ({ page, consoleErrors, origins }) => {
  void consoleErrors;
  const { host: HOST } = origins;
  await page.goto(`${HOST}/hostile.html`);
  const player = await ready(page);
  const { before, after } = await page.evaluate(() => (window as unknown as { hostStyles: Promise<{ before: string; after: string }> }).hostStyles);
  expect(after).toBe(before);

  const lines = player.locator('lesson-transcript .line');
  await expect(lines.first()).toBeVisible();
  const chapters = player.locator('lesson-chapters button.chapter');
  await expect(chapters).toHaveCount(9);
  const playerBox = (await player.boundingBox())!;
  for (const button of [chapters.first(), chapters.last(), lines.first()]) {
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(10);
    expect(box.x).toBeGreaterThanOrEqual(playerBox.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(playerBox.x + playerBox.width + 1);
  }
  // Chapter buttons stack (the host's 5-column grid on lists stays outside).
  const [a, b] = [(await chapters.nth(0).boundingBox())!, (await chapters.nth(1).boundingBox())!];
  expect(b.y).toBeGreaterThan(a.y);

  const inside = await page.evaluate(() => {
    const all: Element[] = [];
    const walk = (root: ParentNode) =>
      root.querySelectorAll('*').forEach((el) => {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      });
    walk(document.querySelector('lesson-player')!.shadowRoot!);
    const stars = all.filter((el) => getComputedStyle(el, '::before').content.includes('★')).length;
    const line = all.find((el) => el.classList.contains('line'))!;
    const lesson = all.find((el) => el.classList.contains('lesson'))!;
    return { stars, lineFont: parseFloat(getComputedStyle(line).fontSize), lessonPadding: getComputedStyle(lesson).paddingTop };
  });
  expect(inside.stars).toBe(0);
  // The transcript follows the reader's font size ("medium"), not the host's 10px root.
  expect(inside.lineFont).toBeGreaterThanOrEqual(14);
  expect(inside.lessonPadding).toBe('0px');
});

test('five players on one page are independent: play, seek, search and notes of one never touch another', async ({ page, consoleErrors, origins }) => {
  void consoleErrors;
  const { host: HOST } = origins;
  await page.goto(`${HOST}/five-players.html`);
  for (let i = 1; i <= 5; i++) await ready(page, `#p${i}`);

  await playMuted(page, 'p2');
  await page.evaluate(() => (document.getElementById('p3') as HTMLElementTagNameMap['lesson-player']).seekToChapter('la-crise-politique'));
  await page.locator('#p4 lesson-transcript').getByRole('searchbox').fill('securitaire');
  await page.evaluate(() => (document.getElementById('p5') as HTMLElementTagNameMap['lesson-player']).openNotes('le-plus-que-parfait'));
  await expect(page.locator('#p5 lesson-notes .note-heading:focus')).toHaveCount(1);

  const state = await page.evaluate(() =>
    [1, 2, 3, 4, 5].map((i) => {
      const p = document.getElementById(`p${i}`) as HTMLElementTagNameMap['lesson-player'];
      const transcript = p.shadowRoot!.querySelector('lesson-transcript')!.shadowRoot!;
      return {
        paused: p.paused,
        chapter: p.activeChapter?.id,
        search: (transcript.querySelector('input[type="search"]') as HTMLInputElement).value,
        focusedNote: document.activeElement === p,
      };
    }),
  );
  expect(state.map((s) => s.paused)).toEqual([true, false, true, true, true]);
  expect(state[2]!.chapter).toBe('la-crise-politique');
  for (const i of [0, 3, 4]) expect(state[i]!.chapter).toBe('introduction');
  expect(state.map((s) => s.search)).toEqual(['', '', '', 'securitaire', '']);
  expect(state.map((s) => s.focusedNote)).toEqual([false, false, false, false, true]);
  // Only p4 marks matches.
  for (const id of ['p1', 'p2', 'p3', 'p5']) await expect(page.locator(`#${id} lesson-transcript #search-status`)).toHaveText('');

  // Ids stay unique: in the document, and inside each shadow root.
  const duplicates = await page.evaluate(() => {
    const problems: string[] = [];
    const check = (root: Document | ShadowRoot, where: string) => {
      const seen = new Set<string>();
      root.querySelectorAll('[id]:not([id=""])').forEach((el) => {
        if (seen.has(el.id)) problems.push(`${where}: #${el.id}`);
        seen.add(el.id);
        if (el.shadowRoot) check(el.shadowRoot, `${where} > #${el.id}`);
      });
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && !el.id && check(el.shadowRoot, `${where} > ${el.localName}`));
    };
    check(document, 'document');
    return problems;
  });
  expect(duplicates).toEqual([]);
});

/** Adds the embed to the host page and connects the published client to it. */
async function embed(page: Page, { lesson: LESSON, host: HOST }: Origins, query: string) {
  await page.goto(`${HOST}/iframe-host.html`);
  await expect(page.locator('body')).toHaveAttribute('data-api-loaded', 'true');
  await page.evaluate(
    ({ src }) => {
      const w = window as unknown as { embedApi: typeof import('../../src/embed/embed-api.ts'); events: unknown[]; client: unknown };
      const iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.width = '640';
      iframe.height = '360';
      iframe.title = 'Leçon';
      document.body.append(iframe);
      const client = w.embedApi.connectLessonEmbed(iframe, { origin: new URL(src).origin });
      w.events = [];
      for (const type of ['ready', 'timeupdate', 'cuechange', 'chapterchange', 'error', 'descriptionschange'] as const) client.on(type, (e) => w.events.push(e));
      w.client = client;
    },
    { src: `${LESSON}/embed.html?${query}` },
  );
  return page.frameLocator('iframe');
}

/**
 * Resolves once the embed has handled every message the host posted to it before, and the host has received every
 * message the embed posted back before that: messages from one window to another are dispatched in order, so a
 * barrier seen by a listener added after the embed's own (and its reply, back the same way) closes both queues.
 */
async function messageBarrier(page: Page) {
  const frame = (await (await page.locator('iframe').elementHandle())!.contentFrame())!;
  const token = `barrier ${Math.random()}`;
  await frame.evaluate((token) => {
    addEventListener('message', function onBarrier(message) {
      if (message.data !== token) return;
      removeEventListener('message', onBarrier);
      parent.postMessage(token, '*');
    });
  }, token);
  await page.evaluate(
    (token) =>
      new Promise<void>((resolve) => {
        addEventListener('message', function onReply(message) {
          if (message.data !== token) return;
          removeEventListener('message', onReply);
          resolve();
        });
        document.querySelector('iframe')!.contentWindow!.postMessage(token, '*');
      }),
    token,
  );
}

type Client = import('../../src/embed/embed-api.ts').LessonEmbed;
const client = (page: Page) => ({
  call: (method: 'play' | 'pause' | 'seek' | 'seekToChapter' | 'setCaptions' | 'setDescriptions' | 'openNotes', arg?: unknown) =>
    page.evaluate(({ method, arg }) => ((window as unknown as { client: Client }).client[method] as (a?: unknown) => void)(arg), { method, arg }),
  events: <T = Record<string, unknown>>(type: string) =>
    page.evaluate((type) => (window as unknown as { events: { type: string }[] }).events.filter((e) => e.type === type), type) as Promise<T[]>,
});

test('iframe embed: the postMessage API answers play/pause/seek/seekToChapter/setCaptions/setDescriptions/openNotes and emits events', async ({ page, consoleErrors, origins }) => {
  void consoleErrors;
  const { host: HOST } = origins;
  const MANIFEST = manifestOf(origins.lesson);
  const embedPage = page.waitForResponse((r) => new URL(r.url()).pathname === '/embed.html');
  const frame = await embed(page, origins, `lesson=${encodeURIComponent(MANIFEST)}&origins=${encodeURIComponent(HOST)}&id=demo&t=12&captions=on&ad=on`);
  expect((await embedPage).headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
  const api = client(page);
  const readyEvent = await page.evaluate(() => (window as unknown as { client: Client }).client.ready);
  expect(readyEvent).toMatchObject({ source: 'lesson-player', version: 1, id: 'demo', type: 'ready', lesson: MANIFEST, title: 'Survivre en milieu hostile' });
  expect(readyEvent.chapters).toHaveLength(9);
  // `ad=on` turned audio description on before `ready`, which says so.
  expect(readyEvent.descriptions).toEqual({ language: 'fr', delivery: 'announce', available: ['fr', 'en'] });
  // The control bar hides until the pointer comes over the frame: the control's state is read on the element.
  const adButton = frame.locator('button.lesson-ad-button');
  await expect(adButton).toHaveAttribute('aria-label', 'AD, audiodescription activée');
  await expect(adButton).toHaveAttribute('aria-pressed', 'true');
  await api.call('setDescriptions', false);
  await expect(adButton).toHaveAttribute('aria-label', 'AD, audiodescription désactivée');
  await expect(adButton).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await api.events<{ language: string | null }>('descriptionschange')).at(-1)).toMatchObject({ language: null, delivery: 'announce' });
  await api.call('setDescriptions', 'en');
  await expect.poll(async () => (await api.events<{ language: string | null }>('descriptionschange')).at(-1)?.language).toBe('en');

  // At 640 × 360 the panels are tabs, and the video fills the frame's first tab.
  const tabs = frame.getByRole('tab');
  await expect(tabs).toHaveCount(4);
  await expect(frame.getByRole('tab', { name: 'Vidéo' })).toHaveAttribute('aria-selected', 'true');
  await expect(frame.locator('lesson-chapters')).toBeHidden();
  const media = (await frame.locator('.media').boundingBox())!;
  const box = (await page.locator('iframe').boundingBox())!;
  expect(media.height).toBeGreaterThan(200);
  expect(media.y).toBeGreaterThan(box.y + 30);
  expect(media.y + media.height).toBeLessThanOrEqual(box.y + box.height);
  // At this size Vidstack draws its small layout: under the strict CSP, its play row lets clicks through to the
  // video from the stylesheet, as its template's inline style would (and no console error reported a violation).
  await expect(frame.locator('media-controls-group.lesson-pass-through')).toHaveCSS('pointer-events', 'none');

  // `t=12` started there, and `captions=on` turned on the lesson's default track.
  await expect.poll(() => frame.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(11.9);
  await expect.poll(() => frame.locator('lesson-player').evaluate((p) => (p as HTMLElementTagNameMap['lesson-player']).controller.captionsLanguage)).toBe('fr');

  await api.call('seekToChapter', 'la-crise-politique');
  await expect.poll(async () => (await api.events<{ chapter: { id: string } | null }>('chapterchange')).at(-1)?.chapter?.id).toBe('la-crise-politique');
  await api.call('seek', 30);
  await expect.poll(async () => (await api.events<{ time: number }>('timeupdate')).at(-1)?.time).toBeCloseTo(30, 0);
  await expect.poll(async () => (await api.events('cuechange')).length).toBeGreaterThan(0);

  await frame.locator('video').evaluate((v: HTMLVideoElement) => (v.muted = true));
  await api.call('play');
  await expect.poll(async () => (await api.events<{ paused: boolean }>('timeupdate')).at(-1)?.paused).toBe(false);
  // While playing, updates keep coming with a moving time. (Their rate, at most 4 a second, is the loop's rule,
  // tested with a fake clock in src/embed/time-updates.test.ts: a wall-clock count here measured the machine's load.)
  const playingTimes = async () => (await api.events<{ time: number; paused: boolean }>('timeupdate')).filter((e) => !e.paused).map((e) => e.time);
  const seen = (await playingTimes()).length;
  await expect.poll(async () => (await playingTimes()).length).toBeGreaterThanOrEqual(seen + 3);
  const times = await playingTimes();
  for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
  await api.call('pause');
  await expect.poll(async () => (await api.events<{ paused: boolean }>('timeupdate')).at(-1)?.paused).toBe(true);

  await api.call('setCaptions', 'en');
  await expect.poll(() => frame.locator('lesson-player').evaluate((p) => (p as HTMLElementTagNameMap['lesson-player']).controller.captionsLanguage)).toBe('en');
  await api.call('setCaptions', null);
  await expect.poll(() => frame.locator('lesson-player').evaluate((p) => (p as HTMLElementTagNameMap['lesson-player']).controller.captionsLanguage)).toBeNull();

  await api.call('openNotes', 'la-panique-securitaire');
  await expect(frame.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(frame.locator('lesson-notes')).toBeVisible();
});

test('iframe embed: ignores a host origin outside its allowlist, and malformed messages from an allowed one', async ({ page, consoleErrors, origins }) => {
  void consoleErrors;
  const { lesson: LESSON, host: HOST, third: THIRD } = origins;
  const MANIFEST = manifestOf(LESSON);
  // The allowlist names a third origin only: the host page on HOST gets no answer and no control.
  const frame = await embed(page, origins, `lesson=${encodeURIComponent(MANIFEST)}&origins=${encodeURIComponent(THIRD)}&id=demo`);
  await expect(frame.locator('lesson-player .lesson')).toHaveAttribute('data-status', 'ready');
  await client(page).call('seek', 40);
  // The host's messages reach the embed in order: once it has seen a later one, the seek has been handled (ignored).
  await messageBarrier(page);
  expect(await page.evaluate(() => (window as unknown as { events: unknown[] }).events)).toEqual([]);
  expect(await frame.locator('lesson-player').evaluate((p) => (p as HTMLElementTagNameMap['lesson-player']).currentTime)).toBe(0);

  // Same host, now allowed: malformed commands change nothing, the well-formed one works.
  const allowed = await embed(page, origins, `lesson=${encodeURIComponent(MANIFEST)}&origins=${encodeURIComponent(HOST)}&id=demo`);
  await page.evaluate(() => (window as unknown as { client: Client }).client.ready);
  const time = () => allowed.locator('lesson-player').evaluate((p) => (p as HTMLElementTagNameMap['lesson-player']).currentTime);
  await page.evaluate((origin) => {
    const target = document.querySelector('iframe')!.contentWindow!;
    const base = { source: 'lesson-player', version: 1, id: 'demo' };
    for (const bad of [
      { ...base, type: 'seek', time: '40' },
      { ...base, type: 'seek', time: 40, extra: true },
      { ...base, type: 'seek', time: -5 },
      { ...base, version: 2, type: 'seek', time: 40 },
      { ...base, id: 'other', type: 'seek', time: 40 },
      { ...base, type: 'eval', code: 'alert(1)' },
      'seek 40',
      [base],
    ]) {
      target.postMessage(bad, origin);
    }
  }, LESSON);
  await messageBarrier(page);
  expect(await time()).toBe(0);
  await page.evaluate((origin) => document.querySelector('iframe')!.contentWindow!.postMessage({ source: 'lesson-player', version: 1, id: 'demo', type: 'seek', time: 40 }, origin), LESSON);
  await expect.poll(time).toBeCloseTo(40, 0);
});

test('the Embed dialog offers both snippets, from the current moment on request; Escape closes it and focus returns', async ({ page, openLesson, origins }) => {
  // The demo page from nginx, under its strict CSP header.
  const player = await openLesson(`${origins.lesson}/`);
  await page.evaluate(() => document.querySelector('lesson-player')!.seek(83));
  const open = player.getByRole('button', { name: 'Intégrer' });
  await open.click();
  const dialog = player.getByRole('dialog', { name: 'Intégrer cette leçon dans un site' });
  await expect(dialog).toBeVisible();
  // The modal dialog takes the focus (its first control).
  await expect(dialog.getByRole('checkbox')).toBeFocused();
  const iframe = dialog.getByRole('textbox', { name: 'Iframe (tout site)' });
  const component = dialog.getByRole('textbox', { name: 'Composant web (script et balise)' });
  const manifest = new URL('/lessons/survivre-en-milieu-hostile.json', page.url()).href;
  await expect(iframe).toHaveValue(new RegExp(`^<iframe src="${escapeRe(new URL('/embed.html', page.url()).href)}\\?lesson=${escapeRe(encodeURIComponent(manifest))}"`));
  await expect(component).toHaveValue(`<script type="module" src="${new URL('/lib/lesson-player.js', page.url()).href}"></script>\n<lesson-player lesson="${manifest}"></lesson-player>`);

  await dialog.getByRole('checkbox', { name: 'Commencer à 1:23' }).check();
  await expect(iframe).toHaveValue(/&amp;t=83"/);
  await expect(component).toHaveValue(/ start="83"><\/lesson-player>$/);

  const src = (await iframe.inputValue()).match(/src="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  // The snippet's iframe URL is a working embed that starts at the chosen moment.
  await page.goto(src);
  await expect(page.locator('lesson-player .lesson')).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => page.evaluate(() => document.querySelector('lesson-player')!.currentTime)).toBeCloseTo(83, 0);
});

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
