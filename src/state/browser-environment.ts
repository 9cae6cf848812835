/** The lesson store's environment in a browser page: the one place in `src/state` that reaches `window`. */
import { browserStorage } from '../learner/learner-storage.ts';
import { browserSpeechEngine } from '../media/speech-engine.ts';
import { afterPaint } from './after-paint.ts';
import type { LessonEnvironment, PageEventName, TimerId } from './environment.ts';

const timers = {
  requestFrame: (callback: () => void) => requestAnimationFrame(callback),
  cancelFrame: (id: number) => cancelAnimationFrame(id),
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (id: TimerId | undefined) => clearTimeout(id),
};

export function browserEnvironment(host: EventTarget): LessonEnvironment {
  return {
    fetch: (input, init) => fetch(input, init),
    baseURI: () => document.baseURI,
    hash: () => location.hash,
    scheduler: {
      ...timers,
      now: () => performance.now(),
      wallClock: () => Date.now(),
      afterPaint: (callback) => afterPaint(timers, callback),
    },
    storage: browserStorage,
    dispatch: (event) => host.dispatchEvent(event),
    listen(name: PageEventName, listener) {
      const target = name === 'visibilitychange' ? document : window;
      target.addEventListener(name, listener);
      return () => target.removeEventListener(name, listener);
    },
    speech: browserSpeechEngine,
    pageHidden: () => document.visibilityState === 'hidden',
    warn: (message) => console.warn(`lesson-player: ${message}`),
  };
}
