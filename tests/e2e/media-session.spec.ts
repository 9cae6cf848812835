/**
 * Issue #17, the system's media controls (Media Session API): the lesson's metadata, the previous/next track keys
 * moving between chapters, seeking by 10 s, and every handler released when the player leaves the page. The
 * system's keys are played by calling the handlers the page registered, as the browser does.
 */
import { expect, test, waitForMedia } from './fixtures.ts';

test('the media session names the lesson and moves between chapters with previous/next', async ({ page, openLesson }) => {
  // Keep the handlers the page registers, as the browser's media hub would call them.
  await page.addInitScript(() => {
    const handlers = new Map<string, MediaSessionActionHandler | null>();
    const session = navigator.mediaSession;
    const set = session.setActionHandler.bind(session);
    session.setActionHandler = (action, handler) => {
      handlers.set(action, handler);
      set(action, handler);
    };
    (window as unknown as { sessionHandlers: typeof handlers }).sessionHandlers = handlers;
  });
  const player = await openLesson();
  await waitForMedia(page);
  const press = (action: string) =>
    page.evaluate((name) => {
      const handler = (window as unknown as { sessionHandlers: Map<string, MediaSessionActionHandler | null> }).sessionHandlers.get(name);
      if (!handler) throw new Error(`no handler for ${name}`);
      handler({ action: name as MediaSessionAction });
    }, action);
  const chapter = () => player.evaluate((el: any) => el.activeChapter?.id as string | undefined);
  const time = () => player.evaluate((el: any) => el.currentTime as number);
  // Each key once the video is where the last one sent it, as a person hears it arrive before pressing again.
  const arrived = () =>
    expect
      .poll(() => player.evaluate((el: any) => {
        const video = el.shadowRoot.querySelector('video');
        return !video.seeking && Math.abs(video.currentTime - el.currentTime) < 0.3;
      }))
      .toBe(true);

  // Playing claims the session for this lesson: its title, series, poster and chapters.
  await player.evaluate(async (el: any) => {
    el.shadowRoot.querySelector('video').muted = true;
    await el.play();
    el.pause();
  });
  const metadata = await page.evaluate(() => {
    const m = navigator.mediaSession.metadata!;
    const chapters = (m as MediaMetadata & { chapterInfo?: readonly { title: string; startTime: number }[] }).chapterInfo;
    return { title: m.title, artist: m.artist, album: m.album, artwork: m.artwork.map((a) => a.src), chapters: chapters?.map((c) => [c.title, c.startTime]) };
  });
  expect(metadata).toMatchObject({ title: 'Survivre en milieu hostile', artist: 'Créer des services publics numériques innovants', album: 'Créer des services publics numériques innovants' });
  expect(metadata.artwork).toEqual([expect.stringMatching(/\/media\/survivre-en-milieu-hostile\.poster\.jpg$/)]);
  const chapters = await player.evaluate((el: any) => el.chapters.map((c: any) => [c.title, c.start]));
  // Chromium has chapterInfo (a browser without it gets the rest of the metadata).
  expect(metadata.chapters).toEqual(chapters);

  // Next and previous track: the chapters.
  await press('nexttrack');
  await expect.poll(chapter).toBe('une-equipe-faite-pour-survivre');
  await arrived();
  await press('nexttrack');
  await expect.poll(chapter).toBe('le-regne-des-process');
  await arrived();
  await press('previoustrack');
  await expect.poll(chapter).toBe('une-equipe-faite-pour-survivre');
  await arrived();
  const at = await time();
  await press('seekforward');
  await expect.poll(time).toBeCloseTo(at + 10, 0);
  await arrived();
  await press('seekbackward');
  await expect.poll(time).toBeCloseTo(at, 0);

  // Removed from the page: no handler of its own stays with the system.
  await player.evaluate((el) => el.remove());
  const left = await page.evaluate(() =>
    ['previoustrack', 'nexttrack', 'seekbackward', 'seekforward'].map((a) => (window as unknown as { sessionHandlers: Map<string, unknown> }).sessionHandlers.get(a)),
  );
  expect(left).toEqual([null, null, null, null]);
});
