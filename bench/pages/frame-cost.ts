/**
 * Per-frame sync cost: the lesson store and <lesson-transcript> of the player, driven by a scripted media clock.
 * Each simulated frame does what a playing frame does: the controller samples the clock and runs its update
 * (binary searches, events, the transcript's mark and follow-scroll when the cue changes). `window.runFrames`
 * times that over the whole lesson at 60 frames per media second.
 */
import '../../src/components/lesson-transcript/lesson-transcript.ts';
import type { MediaAdapter, MediaState } from '../../src/media/media-adapter.ts';
import { browserEnvironment } from '../../src/state/browser-environment.ts';
import { LessonStore } from '../../src/state/lesson-store.ts';

const host = document.createElement('div');
document.body.append(host);
const controller = new LessonStore(browserEnvironment(host));
const transcript = document.createElement('lesson-transcript');
transcript.controller = controller;
host.append(transcript);

let clock = 0;
let state: MediaState = { paused: true, ended: false, duration: 0, currentTime: 0, canPlay: true, seeking: false, captionsLanguage: null, error: null };
const listeners = new Set<(state: MediaState) => void>();
const adapter: MediaAdapter = {
  element: document.createElement('div'),
  get currentTime() {
    return clock;
  },
  get state() {
    return state;
  },
  seek: (seconds) => void (clock = seconds),
  play: () => Promise.resolve(),
  pause: () => undefined,
  setCaptions: () => undefined,
  setSliderMarks: () => undefined,
  relabel: () => undefined,
  subscribe(listener) {
    listeners.add(listener);
    listener(state);
    return () => listeners.delete(listener);
  },
  destroy: () => listeners.clear(),
};
controller.attach(adapter);

declare global {
  interface Window {
    runFrames(fps: number): { frames: number; changeFrames: number; totalMs: number; changeMs: number; idleMs: number; cues: number };
  }
}

/**
 * Steps the clock one frame at a time over the lesson. The controller's paused path (a media state change)
 * samples the clock and runs the same update as its playing frame loop, without waiting for real frames.
 */
window.runFrames = (fps) => {
  const end = (controller.cues.at(-1)?.end ?? 0) + 1;
  state = { ...state, duration: end };
  let frames = 0;
  let changeFrames = 0;
  let changeMs = 0;
  const start = performance.now();
  for (let t = 0; t <= end; t += 1 / fps) {
    clock = t;
    const before = controller.activeCueIndex;
    const t0 = performance.now();
    for (const listener of listeners) listener(state);
    if (controller.activeCueIndex !== before) {
      changeFrames++;
      changeMs += performance.now() - t0;
    }
    frames++;
  }
  const totalMs = performance.now() - start;
  return { frames, changeFrames, totalMs, changeMs, idleMs: totalMs - changeMs, cues: controller.cues.length };
};

controller.load(new URLSearchParams(location.search).get('lesson') ?? '/lessons/survivre-en-milieu-hostile.json').then(() =>
  document.documentElement.setAttribute('data-ready', ''),
);
