/**
 * The transcript's sync lag in real playback (see bench/run.mjs, section sync): the lesson on `page` (its transcript
 * shown, its media able to play) played muted to its end at `rate`, each line's marking timed against its cue's start
 * on the media clock, in media time and in wall time.
 *
 * A lag is negative when the line was marked before its cue started by the clock read at the mark (the store marks
 * what starts within half a frame while playing: src/state/playing-clock.ts), so the figure held to the target is
 * `off`, how far from its start each line was marked, early or late; `earliest` is the most negative lag.
 */
import { summary } from './stats.mjs';

export async function measureSync(page, rate) {
  const run = await page.evaluate(async (rate) => {
    const b = window.__bench;
    const player = b.find('media-player');
    const video = b.find('video');
    const cues = b.find('lesson-transcript').controller.cues.map((c) => c.start);
    const marks = [];
    const frames = [];
    let playing = false;
    const stop = b.observeMarks((index, wall, media) => playing && marks.push({ index, wall, media }));
    const sampleFrames = (t) => {
      frames.push(t);
      if (!video.ended) requestAnimationFrame(sampleFrames);
    };
    player.muted = true;
    player.playbackRate = rate;
    await b.frame();
    const startTime = video.currentTime;
    playing = true;
    requestAnimationFrame(sampleFrames);
    await player.play();
    await new Promise((resolve) => (video.ended ? resolve() : video.addEventListener('ended', resolve, { once: true })));
    stop();
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    return { cues, startTime, marks, intervals, rate: video.playbackRate };
  }, rate);
  // Each cue that starts after playback began, marked once on its own line.
  const expected = run.cues.map((start, index) => ({ start, index })).filter((c) => c.start > run.startTime + 0.05);
  const firstMark = new Map();
  for (const mark of run.marks) if (!firstMark.has(mark.index)) firstMark.set(mark.index, mark);
  const lagsMedia = [];
  let missed = 0;
  for (const cue of expected) {
    const mark = firstMark.get(cue.index);
    if (!mark) missed++;
    else lagsMedia.push((mark.media - cue.start) * 1000);
  }
  const lagsWall = lagsMedia.map((ms) => ms / run.rate);
  return {
    cues: expected.length,
    missed,
    rate: run.rate,
    media: summary(lagsMedia),
    wall: summary(lagsWall),
    off: summary(lagsWall.map(Math.abs)),
    earliest: Math.min(...lagsWall),
    frame: summary(run.intervals),
    lagsWall,
  };
}
