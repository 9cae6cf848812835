/**
 * What a lesson store needs from the world, passed in rather than reached for: the network, the page's address,
 * time, storage, the page's events and where the public `lesson-*` events go. The browser's is built by
 * `browserEnvironment()` (browser-environment.ts); unit tests give a fake one and run the store in Node.
 */
import type { SpeechEngine } from '../core/description-scheduler.ts';
import type { StorageLike } from '../learner/learner-storage.ts';

export type TimerId = ReturnType<typeof setTimeout> | number;

/** Frames and timers: every one the store starts it can cancel, so that disposing it leaves nothing pending. */
export interface Scheduler {
  requestFrame(callback: () => void): number;
  cancelFrame(id: number): void;
  setTimeout(callback: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId | undefined): void;
  /** A monotonic clock in milliseconds (performance.now). */
  now(): number;
  /** The wall clock in milliseconds (Date.now), for what is stored. */
  wallClock(): number;
  /** Calls back once the page has painted (after-paint.ts); returns the function that cancels it. */
  afterPaint(callback: () => void): () => void;
}

/** The page-level events the store and its learner session listen to. */
export type PageEventName = 'hashchange' | 'storage' | 'pagehide' | 'visibilitychange';

export interface LessonEnvironment {
  fetch: typeof fetch;
  /** The base URL relative lesson URLs resolve against (document.baseURI). */
  baseURI(): string;
  /** The page address's fragment, with its `#` (location.hash). */
  hash(): string;
  scheduler: Scheduler;
  /** Web Storage for the learner's data, or null where it cannot be used. */
  storage(): StorageLike | null;
  /** Where the public `lesson-*` events go: the player element's dispatchEvent. */
  dispatch(event: Event): void;
  /** Listens to a page-level event; returns the function that stops listening. */
  listen(name: PageEventName, listener: (event: Event) => void): () => void;
  /** Whether the page is hidden (visibilityState), read when `visibilitychange` fires. */
  pageHidden(): boolean;
  /** The speech synthesis audio description reads with, or null without one (absent: none, as in Node). */
  speech?(): SpeechEngine | null;
  /** Bad input the author should hear about (a broken deep link, an unsupported language). */
  warn(message: string): void;
}
