import { describe, expect, it } from 'vitest';
import type { LessonCueChangeDetail } from './lesson-events.ts';
import { LessonStore } from './lesson-store.ts';
import { PlayingClock } from './playing-clock.ts';
import { FakeEnvironment, FakeMedia, serveLesson } from './testing/fake-environment.ts';

const FRAME_60HZ = 1000 / 60;

/** A clock started on playing media, with the media times its frames gave. */
function runningClock() {
  const env = new FakeEnvironment();
  const frames: number[] = [];
  const clock = new PlayingClock(env.scheduler, (time) => frames.push(time));
  const media = new FakeMedia();
  media.report({ canPlay: true, paused: false });
  clock.start(media);
  return { env, clock, media, frames };
}

describe('PlayingClock', () => {
  it('reads the media clock once a frame, and looks half a frame of it ahead at the media rate', () => {
    const { env, clock, media, frames } = runningClock();
    media.currentTime = 3;
    env.frame();
    media.currentTime = 3.1;
    env.advance(FRAME_60HZ);
    env.frame();
    expect(frames).toEqual([3, 3.1]);
    expect(clock.lookAhead(1)).toBeCloseTo(FRAME_60HZ / 2000, 6);
    expect(clock.lookAhead(4)).toBeCloseTo((4 * FRAME_60HZ) / 2000, 6);
    clock.stop();
  });

  it('measures the frame from the loop, steady against one late frame, and bounded', () => {
    const { env, clock } = runningClock();
    env.frame();
    for (let i = 0; i < 60; i++) {
      env.advance(1000 / 120);
      env.frame();
    }
    const measured = clock.frameMs;
    expect(measured).toBeCloseTo(1000 / 120, 1);
    env.advance(500); // a stalled page counts as a 30 Hz frame, and moves the estimate by an eighth of the way
    env.frame();
    expect(clock.frameMs).toBeCloseTo(measured + (1000 / 30 - measured) / 8, 6);
    expect(clock.lookAhead(0)).toBe(0);
    expect(clock.lookAhead(Number.NaN)).toBe(0);
    clock.stop();
  });

  it('a pause, a restart or a stop leaves no frame pending, and a restart forgets the time of the last frame', () => {
    const { env, clock, media } = runningClock();
    env.frame();
    expect(env.pending.frames).toBe(1);
    media.report({ paused: true });
    env.frame();
    expect(env.pending.frames).toBe(0);
    env.advance(10_000); // paused for 10 s: not one long frame
    media.report({ paused: false });
    clock.start(media);
    clock.start(media);
    expect(env.pending.frames).toBe(1);
    env.frame();
    expect(clock.frameMs).toBeCloseTo(FRAME_60HZ, 6);
    clock.stop();
    expect(env.pending.frames).toBe(0);
  });
});

describe('LessonStore: playing, it marks each cue in the frame nearest to its start', () => {
  // The media's own time updates (a state pushed each frame) look ahead as much: they must not undo the frame's mark.
  async function playing(rate: number) {
    const env = new FakeEnvironment();
    const store = new LessonStore(env);
    store.setLanguage('fr');
    store.start();
    await store.load(serveLesson(env));
    const media = new FakeMedia();
    media.playbackRate = rate;
    store.attach(media);
    media.report({ canPlay: true });
    void store.play();
    env.events.length = 0;
    const frameAt = (time: number) => {
      env.advance(FRAME_60HZ);
      media.currentTime = time;
      env.frame();
      return store.activeCueIndex;
    };
    return { env, store, media, frameAt };
  }

  it('at 1×: a cue starting within half a frame (8.3 ms of the clock) is marked, one further away is not yet', async () => {
    const { env, store, media, frameAt } = await playing(1);
    expect(frameAt(9.99)).toBe(0); // the second cue starts at 10 s: 10 ms away
    expect(frameAt(9.995)).toBe(1); // 5 ms away
    media.report({ currentTime: 9.995 });
    expect(store.activeCueIndex).toBe(1);
    expect(env.eventsOf<LessonCueChangeDetail>('lesson-cuechange').map((d) => d.index)).toEqual([1]);
  });

  it('at 4×: half a frame is 33 ms of the clock', async () => {
    const { frameAt } = await playing(4);
    expect(frameAt(9.96)).toBe(0);
    expect(frameAt(9.97)).toBe(1);
  });

  it('paused or seeking, it marks what the clock says', async () => {
    const { store, media } = await playing(4);
    store.pause();
    store.seek(9.99);
    expect(store.activeCueIndex).toBe(0);
    media.report({ currentTime: 9.995, seeking: false });
    expect(store.activeCueIndex).toBe(0);
    media.report({ currentTime: 10 });
    expect(store.activeCueIndex).toBe(1);
  });
});
