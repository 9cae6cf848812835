/**
 * A hostile lesson (tests/fixtures/hostile) in the real player: markup in every string of the manifest, the captions,
 * the chapter titles and the notes, and in the page's `#t=`/`#chapter=` fragment. Each payload that ran would set
 * `window.__pwned`; the test plays through every hostile cue with captions on, opens the notes, searches the
 * transcript, and checks that nothing ran, that the markup shows as text, and that Vidstack's own caption overlay
 * (which writes cue text as innerHTML) never received any of it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, playMuted, serveHostileLesson, test, waitForMedia } from './fixtures.ts';

const HOSTILE_FRAGMENT =
  '#t=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D91%3E&chapter=%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D92%3E&t=javascript:window.__pwned=93';

/** Elements that must not exist in the player's trees, and what may carry an image. */
const FORBIDDEN = 'script, iframe, frame, form, object, embed, base, meta, math, foreignObject, [srcdoc]';

/** Every element of the player and its nested shadow trees that could run or show injected content. */
function findInjected(player: Locator) {
  return player.evaluate((host, forbidden) => {
    const found: string[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        const handler = [...el.attributes].find((a) => /^on/i.test(a.name));
        if (handler) found.push(`${tag}[${handler.name}]`);
        if (el.matches(forbidden)) found.push(tag);
        const url = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('xlink:href') ?? '';
        if (/^\s*(javascript|data|vbscript):/i.test(url)) found.push(`${tag} → ${url}`);
        // The only images are Vidstack's poster and thumbnails, from the lesson's media folder.
        if (tag === 'img' && el.getAttribute('src') && !/\/media\/[\w.-]+\.jpg$/.test(el.getAttribute('src')!)) found.push(`img ${el.getAttribute('src')}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(host.shadowRoot!);
    return found;
  }, FORBIDDEN);
}

async function trapScripts(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Records every write to Vidstack's caption overlay (`.vds-captions`), from the first one.
  await page.addInitScript(() => {
    // What Vidstack's overlay held after each write: its text, and each element with its attribute names.
    const writes: { text: string; elements: string[] }[] = ((window as any).__vdsCaptionWrites = []);
    const record = (captions: Element) =>
      writes.push({
        text: captions.textContent ?? '',
        elements: [...captions.querySelectorAll('*')].map((e) => [e.localName, ...e.getAttributeNames()].join(' ')),
      });
    const watch = (root: Node) =>
      new MutationObserver((records) => {
        for (const r of records) {
          const target = r.target as Element;
          const captions = (target.nodeType === 1 ? target : target.parentElement)?.closest?.('.vds-captions');
          if (captions) record(captions);
          for (const node of r.addedNodes) {
            if (node instanceof Element && node.matches('.vds-captions')) record(node);
            if (node instanceof Element && node.shadowRoot) watch(node.shadowRoot);
          }
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      watch(root);
      return root;
    };
  });
  return dialogs;
}

test.describe('hostile lesson', () => {
  // The hostile files break WebVTT and manifest rules on purpose: the player lists the problems, which is not a
  // console error; the hostile fragment gives console warnings only.
  test('no script runs, markup shows as text, and Vidstack never renders cue text', async ({ page, openLesson }) => {
    const dialogs = await trapScripts(page);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await serveHostileLesson(page);
    const player = await openLesson(`/${HOSTILE_FRAGMENT}`);
    // The list of the files' problems pushes the video below the fold, and Vidstack loads media once visible.
    await player.locator('media-player').scrollIntoViewIfNeeded();
    await waitForMedia(page);
    expect(warnings.join('\n')).toMatch(/ignored part of the link/);

    // `text` is the cue's words; `all` every text node of its markup tree (with ruby annotations), as the overlay shows it.
    const cues: { start: number; text: string; all: string }[] = await player.evaluate((el: any) => {
      const all = (nodes: any[]): string => nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'tag' ? all(n.children) : '')).join('');
      return el.cues.map((c: any) => ({ start: c.start, text: c.text, all: all(c.nodes) }));
    });
    expect(cues).toHaveLength(8);
    expect(cues[0]!.text).toBe('<img src=x onerror=window.__pwned=1> entités');

    // Captions on, then into every hostile cue: the overlay shows the cue's text, as text.
    await player.getByRole('button', { name: /sous-titres/i }).first().click();
    const overlay = player.locator('lesson-captions .cue');
    for (const cue of cues) {
      await player.evaluate((el: any, t: number) => el.seek(t), cue.start + 0.5);
      await expect.poll(async () => (await overlay.textContent())?.replace(/\s+/g, ' ').trim()).toBe(cue.all.replace(/\s+/g, ' ').trim());
    }
    await player.evaluate((el: any) => el.seek(0.2));
    await expect(overlay).toHaveText('<img src=x onerror=window.__pwned=1> entités');
    await playMuted(page);
    await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(1);
    await player.evaluate((el: any) => el.pause());

    // The transcript shows the markup literally, and its search finds it.
    const transcript = player.getByRole('region', { name: 'Transcription' });
    await expect(transcript.getByText('<img src=x onerror=window.__pwned=1> entités')).toBeVisible();
    await expect(transcript.getByText('<script>window.__pwned=6</script>')).toHaveCount(1);
    // Two matches: the slide's description (read first, under its chapter's heading) and the first line's, current
    // once that line is the spoken one (playback may have paused past it).
    await player.evaluate((el: any) => el.seek(0.2));
    await expect.poll(() => player.evaluate((el: any) => el.controller.activeCueIndex)).toBe(0);
    await transcript.getByRole('searchbox').fill('onerror');
    await expect(transcript.locator('#search-status')).toHaveText('2 sur 2');
    // The description track's markup: a description line of the transcript, as text (its words in one span of ours).
    await expect(transcript.locator('.description')).toHaveCount(1);
    await expect(transcript.locator('.description')).toContainText('<img src=x onerror=window.__pwned=31> Diapositive piégée');
    await expect(transcript.locator('.description > span')).toHaveCount(1);
    await expect(transcript.locator('.description span *')).toHaveCount(0);

    // Chapter titles: as text in our views and in Vidstack's controls.
    const hostileTitle = '<img src=x onerror=window.__pwned=21> Chapitre piégé';
    await player.evaluate((el: any) => el.seek(1));
    await expect(player.locator('.current-chapter .title')).toHaveText(hostileTitle);
    await expect(player.locator('media-chapter-title')).toHaveText(hostileTitle);
    await expect(player.locator('media-chapter-title *')).toHaveCount(0);
    await player.locator('media-time-slider').hover({ position: { x: 5, y: 5 } });
    await expect(player.locator('.vds-slider-chapter-title')).toHaveText(hostileTitle);
    await expect(player.locator('.vds-slider-chapter-title *')).toHaveCount(0);
    await expect(player.getByRole('navigation', { name: 'Chapitres' })).toContainText('gras window.__pwned=22 <svg onload=window.__pwned=23> suite');

    // Notes: both hostile notes render through the sanitiser; their safe parts stay.
    await player.evaluate((el: any) => el.openNotes('suite'));
    const notes = player.locator('lesson-notes');
    await expect(notes).toContainText('calque stylé');
    await expect(notes).toContainText('Fin de la note.');
    await expect(notes.getByRole('link', { name: 'lien externe' })).toHaveAttribute('rel', 'noopener noreferrer');
    await notes.getByText('calque stylé').click();

    // The manifest's strings (title in Vidstack's layout and our section name) stay text too.
    await expect(player.locator('section.main')).toHaveAttribute('aria-label', /<img src=x onerror=window.__pwned=101>/);

    expect(await findInjected(player)).toEqual([]);
    // Vidstack's overlay was written to (it clears and fills it on every cue change), never with any cue text.
    const writes: { text: string; elements: string[] }[] = await page.evaluate(() => (window as any).__vdsCaptionWrites);
    expect(writes.filter((w) => w.elements.length).length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.text !== '')).toEqual([]);
    const shapes = new Set(writes.flatMap((w) => w.elements));
    expect([...shapes].sort()).toEqual(['div data-part data-id', 'div data-part style']);
    expect(await player.locator('.vds-captions').evaluate((el) => el.textContent)).toBe('');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('javascript:, data: and vbscript: URLs in a manifest are refused and named as text', async ({ page }) => {
    const dialogs = await trapScripts(page);
    await serveHostileLesson(page, 'bad-urls.json');
    await page.goto('/');
    const player = page.locator('lesson-player');
    const alert = player.getByRole('alert');
    await expect(alert).toContainText('javascript:');
    await expect(alert).toContainText('manifeste');
    await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'error');
    expect(await findInjected(player)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
