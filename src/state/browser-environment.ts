/** The lesson store's environment in a browser page: the one place in `src/state` that reaches `window`. */
import { browserStorage } from '../learner/learner-storage.ts';
import { browserSpeechEngine } from '../media/speech-engine.ts';
import type { LessonEnvironment, PageEventName } from './environment.ts';

export function browserEnvironment(host: EventTarget): LessonEnvironment {
  return {
    fetch: (input, init) => fetch(input, init),
    baseURI: () => document.baseURI,
    hash: () => location.hash,
    scheduler: {
      requestFrame: (callback) => requestAnimationFrame(callback),
      cancelFrame: (id) => cancelAnimationFrame(id),
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (id) => clearTimeout(id),
      now: () => performance.now(),
      wallClock: () => Date.now(),
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
