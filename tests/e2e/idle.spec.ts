/**
 * A paused lesson leaves the processor alone: Vidstack's sliders and time displays no longer check their visibility
 * at every animation frame (src/media/visibility-watch.ts), and they still follow the controls being hidden and shown.
 * Frames are counted on Playwright's clock, so the test moves time on rather than waiting for it.
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
