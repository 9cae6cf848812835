/**
 * A paused lesson leaves the processor alone: Vidstack's sliders and time displays no longer check their visibility
 * at every animation frame (src/media/visibility-watch.ts), and they still follow the controls being hidden and shown.
 * Frames are counted on Playwright's clock, so the test moves time on rather than waiting for it. A playing lesson
 * writes and repaints its time slider only when the fill moves by a whole pixel (src/media/slider-pixels.ts,
 * time-slider-styles.ts), and its spoken value once a second, in the UI language (src/media/spoken-time.ts).
 */
import { expect, playFast, test, waitForMedia } from './fixtures.ts';

// The time slider sits at 800 px: in view, as for a learner on a laptop (Vidstack also hides what is out of view).
test.use({ viewport: { width: 1280, height: 900 } });

test('a paused lesson asks for no animation frame; the time slider still follows the controls hidden and shown', async ({ page, openLesson }) => {
  await page.clock.install();
  const player = await openLesson();
  await waitForMedia(page);
  // The notes are in (they are asked for once the lesson has painted) and the video has what it needs and stops
  // loading: nothing changes on the page any more.
  await expect(player.locator('lesson-notes .note-body').first()).toBeAttached();
  await expect.poll(() => player.evaluate((el: any) => el.shadowRoot.querySelector('video').networkState === HTMLMediaElement.NETWORK_IDLE)).toBe(true);
  await page.evaluate(() => {
    const request = window.requestAnimationFrame.bind(window);
    (window as any).framesAsked = 0;
    window.requestAnimationFrame = (callback) => {
      (window as any).framesAsked++;
      return request(callback);
    };
  });
  await page.clock.runFor(1_000);
  await page.evaluate(() => ((window as any).framesAsked = 0));
  await page.clock.runFor(2_000);
  // Vidstack's own loop asked for 120 frames in these 2 s.
  expect(await page.evaluate(() => (window as any).framesAsked)).toBe(0);

  const slider = player.locator('media-time-slider');
  const sliderHidden = () => slider.evaluate((el: any) => el.state.hidden as boolean);
  expect(await sliderHidden()).toBe(false);
  await playFast(player);
  await page.clock.runFor(3_000);
  await expect(player.locator('media-player')).not.toHaveAttribute('data-controls');
  await expect.poll(sliderHidden).toBe(true);
  const box = (await player.locator('media-player').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10);
  await expect(player.locator('media-player')).toHaveAttribute('data-controls', '');
  await expect.poll(sliderHidden).toBe(false);
});

test('while the lesson plays, the time slider fills in whole pixels and keeps up with the video', async ({ page, openLesson }) => {
  const player = await openLesson();
  await waitForMedia(page);
  const fill = () =>
    player.evaluate((el: any) => {
      // The slider is cut into the lesson's chapters: the one being filled is the last with some fill.
      const chapters = [...el.shadowRoot.querySelectorAll('media-time-slider .vds-slider-chapter')];
      const percentOf = (chapter: Element) => parseFloat(getComputedStyle(chapter).getPropertyValue('--chapter-fill')) || 0;
      const chapter = chapters.filter((c) => percentOf(c) > 0).pop() ?? chapters[0];
      const bar = chapter.querySelector('.vds-slider-track-fill');
      const track = chapter.querySelector('.vds-slider-track:not(.vds-slider-track-fill)') ?? chapter;
      return { width: parseFloat(getComputedStyle(bar).width), exact: (percentOf(chapter) / 100) * track.getBoundingClientRect().width };
    });
  // A focused control keeps the controls shown (hidden, the slider waits for them to show again).
  await player.locator('media-play-button').focus();
  await playFast(player);
  await expect(player.locator('media-player')).toHaveAttribute('data-controls', '');
  await expect.poll(async () => (await fill()).width).toBeGreaterThan(2);
  for (const { width, exact } of [await fill(), await fill(), await fill()]) {
    expect(Number.isInteger(width)).toBe(true);
    expect(Math.abs(width - exact)).toBeLessThanOrEqual(0.5);
  }
  // It keeps up: the filled length, summed over the chapters, grows while the video plays.
  const filled = () => player.evaluate((el: any) => [...el.shadowRoot.querySelectorAll('media-time-slider .vds-slider-track-fill')].reduce((sum, bar) => sum + bar.getBoundingClientRect().width, 0));
  const before = await filled();
  await expect.poll(filled).toBeGreaterThan(before);
  await expect(player.locator('media-player')).toHaveAttribute('data-controls', '');

  // Over 30 frames of playback, the slider is written to only when it changes for a person. Its spoken value changes
  // once per second of video, in French: Vidstack wrote it in English at every frame and the translation wrote it
  // again (two writes a frame) until the build had Vidstack ask the player for its words. Its fill (on the slider and
  // on the chapter being filled) is written once per pixel it moves, not at every frame (src/media/slider-pixels.ts).
  const written = await player.evaluate(async (el: any) => {
    const slider = el.shadowRoot.querySelector('media-time-slider');
    const video = el.shadowRoot.querySelector('video');
    const fillOf = (style: string | null) => /--(?:slider|chapter)-fill: ([^;]+)/.exec(style ?? '')?.[1];
    const spoken: string[] = [];
    let spokenWrites = 0;
    let fillWrites = 0;
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (record.attributeName === 'aria-valuetext' && target === slider) {
          spokenWrites++;
          spoken.push(record.oldValue!, slider.getAttribute('aria-valuetext'));
        } else if (record.attributeName === 'style' && fillOf(record.oldValue) !== fillOf(target.getAttribute('style'))) fillWrites++;
      }
    });
    observer.observe(slider, { attributes: true, subtree: true, attributeFilter: ['aria-valuetext', 'style'], attributeOldValue: true });
    const from = video.currentTime;
    for (let frame = 0; frame < 30; frame++) await new Promise(requestAnimationFrame);
    observer.disconnect();
    const seconds = video.currentTime - from;
    return { spokenWrites, spoken, fillWrites, seconds, pixels: (seconds / video.duration) * slider.getBoundingClientRect().width };
  });
  expect(written.seconds).toBeGreaterThan(0);
  expect(written.spokenWrites).toBeLessThanOrEqual(Math.ceil(written.seconds) + 1);
  for (const value of written.spoken) expect(value).toMatch(/^(\d+ min )?\d+ s sur 3 min 49 s$/);
  // Two elements, each once per pixel, and a chapter's end on the way (the next chapter starts being filled).
  expect(written.fillWrites).toBeLessThanOrEqual(2 * Math.ceil(written.pixels) + 4);
  // No part of the slider asks for a compositing layer of its own (time-slider-styles.ts says why).
  const layerHints = await player.evaluate((el: any) =>
    [...el.shadowRoot.querySelectorAll('media-time-slider, media-time-slider *')].map((e) => getComputedStyle(e).willChange).filter((hint) => hint !== 'auto'),
  );
  expect(layerHints).toEqual([]);
});
