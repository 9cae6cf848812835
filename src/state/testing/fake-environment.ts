/**
 * A lesson store's world for unit tests in Node: files served from a table, a clock and frames that move only when
 * the test says, page events the test fires, storage in memory, and counts of everything registered, so that a
 * test can assert that stopping a store leaves nothing behind.
 */
import type { StorageLike } from '../../learner/learner-storage.ts';
import type { LessonEnvironment, PageEventName, TimerId } from '../environment.ts';
import type { MediaAdapter, MediaState } from '../../media/media-adapter.ts';
import { LessonStore } from '../lesson-store.ts';

export interface FakeFile {
  status?: number;
  body?: string;
  type?: string;
  /** Never answers (until the request is aborted). */
  hang?: boolean;
  /** Answers once this promise settles: files arriving in another order than asked. */
  after?: Promise<unknown>;
}

export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export class FakeEnvironment implements LessonEnvironment {
  readonly files = new Map<string, FakeFile>();
  readonly events: CustomEvent[] = [];
  readonly warnings: string[] = [];
  /** Every URL fetched, in order. */
  readonly fetched: string[] = [];
  readonly memory = new MemoryStorage();
  location = 'https://lessons.test/page.html';
  fragment = '';
  hidden = false;
  #time = 0;
  #wall = 1_700_000_000_000;
  #nextId = 1;
  #timers = new Map<number, { at: number; run: () => void }>();
  #frames = new Map<number, () => void>();
  #paints = new Map<number, () => void>();
  #listeners = new Map<PageEventName, Set<(event: Event) => void>>();

  serve(url: string, file: FakeFile | string): this {
    this.files.set(new URL(url, this.location).href, typeof file === 'string' ? { body: file } : file);
    return this;
  }

  fetch: typeof fetch = (input, init) => {
    const url = String(input);
    this.fetched.push(url);
    const file = this.files.get(url) ?? { status: 404 };
    return new Promise((resolve, reject) => {
      const signal = init?.signal;
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      if (file.hang) return;
      const headers = { 'content-type': file.type ?? 'text/plain; charset=utf-8' };
      const answer = () => resolve(new Response(file.status && file.status >= 400 ? 'Not found' : (file.body ?? ''), { status: file.status ?? 200, headers }));
      if (file.after) void file.after.then(answer);
      else answer();
    });
  };

  baseURI = () => this.location;
  hash = () => this.fragment;
  storage: () => StorageLike | null = () => this.memory;
  dispatch = (event: Event) => void this.events.push(event as CustomEvent);
  pageHidden = () => this.hidden;
  warn = (message: string) => void this.warnings.push(message);

  scheduler = {
    requestFrame: (callback: () => void) => {
      const id = this.#nextId++;
      this.#frames.set(id, callback);
      return id;
    },
    cancelFrame: (id: number) => void this.#frames.delete(id),
    setTimeout: (callback: () => void, ms: number): TimerId => {
      const id = this.#nextId++;
      this.#timers.set(id, { at: this.#time + ms, run: callback });
      return id;
    },
    clearTimeout: (id: TimerId | undefined) => void this.#timers.delete(id as number),
    now: () => this.#time,
    wallClock: () => this.#wall + this.#time,
    afterPaint: (callback: () => void) => {
      if (!this.holdPaints) {
        callback();
        return () => undefined;
      }
      const id = this.#nextId++;
      this.#paints.set(id, callback);
      return () => void this.#paints.delete(id);
    },
  };

  /** This page paints at once, unless a test holds its paints: then `paint()` runs what waits for one. */
  holdPaints = false;

  paint(): void {
    const waiting = [...this.#paints.values()];
    this.#paints.clear();
    waiting.forEach((run) => run());
  }

  listen(name: PageEventName, listener: (event: Event) => void): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Fires a page event at the listeners registered now. */
  fire(name: PageEventName, event: Event = new Event(name)): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) listener(event);
  }

  /** Moves the clock on, running the timers that fall due (in order). */
  advance(ms: number): void {
    const end = this.#time + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#time = due[1].at;
      due[1].run();
    }
    this.#time = end;
  }

  /** Runs the frame callbacks pending now (those they request run on the next call). */
  frame(): void {
    const pending = [...this.#frames.values()];
    this.#frames.clear();
    pending.forEach((run) => run());
  }

  get pending(): { timers: number; frames: number; listeners: number } {
    let listeners = 0;
    for (const set of this.#listeners.values()) listeners += set.size;
    return { timers: this.#timers.size, frames: this.#frames.size + this.#paints.size, listeners };
  }

  eventsOf<T>(type: string): T[] {
    return this.events.filter((e) => e.type === type).map((e) => e.detail as T);
  }
}

/** A media the test drives: it reports what the test says, and records what the store asked of it. */
export class FakeMedia implements MediaAdapter {
  readonly element = {} as HTMLElement;
  readonly seeks: number[] = [];
  readonly captions: (string | null)[] = [];
  plays = 0;
  /** What play() rejects with, as a browser refuses or cuts short a play; null: it plays. */
  playRefusal: Error | null = null;
  currentTime = 0;
  playbackRate = 1;
  state: MediaState = { paused: true, ended: false, duration: 0, currentTime: 0, canPlay: false, seeking: false, captionsLanguage: null, error: null };
  #listeners = new Set<(state: MediaState) => void>();

  /** The media reports a new state (its clock included). */
  report(change: Partial<MediaState>): void {
    this.state = { ...this.state, ...change };
    if (change.currentTime !== undefined) this.currentTime = change.currentTime;
    for (const listener of [...this.#listeners]) listener(this.state);
  }

  seek(seconds: number): void {
    this.seeks.push(seconds);
  }
  play(): Promise<void> {
    this.plays++;
    if (this.playRefusal) return Promise.reject(this.playRefusal);
    this.report({ paused: false });
    return Promise.resolve();
  }
  pause(): void {
    this.report({ paused: true });
  }
  setCaptions(language: string | null): void {
    this.captions.push(language);
    this.report({ captionsLanguage: language });
  }
  relabel(): void {}
  refreshSettingsSubmenu(): void {}
  setCast(): void {}
  setSliderMarks(): void {}
  subscribe(listener: (state: MediaState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.state);
    return () => this.#listeners.delete(listener);
  }
  get subscribers(): number {
    return this.#listeners.size;
  }
  destroy(): void {
    this.#listeners.clear();
  }
}

/** A small lesson in two languages: three cues, two chapters, a note file per chapter. */
export function serveLesson(env: FakeEnvironment, manifest: Record<string, unknown> = {}): string {
  const url = 'https://lessons.test/lessons/demo.json';
  env.serve(
    url,
    JSON.stringify({
      version: 1,
      id: 'demo',
      title: { fr: 'Démo', en: 'Demo' },
      language: 'fr',
      duration: 120,
      media: [{ src: '../media/demo.mp4', type: 'video/mp4' }],
      captions: [
        { lang: 'fr', label: 'Français', kind: 'captions', src: '../captions/demo.fr.vtt', default: true },
        { lang: 'en', label: 'English', kind: 'subtitles', src: '../captions/demo.en.vtt' },
      ],
      chapters: [
        { lang: 'fr', src: '../chapters/demo.fr.vtt' },
        { lang: 'en', src: '../chapters/demo.en.vtt' },
      ],
      notes: { fr: { debut: '../notes/debut.fr.md', suite: '../notes/suite.fr.md' } },
      ...manifest,
    }),
  );
  const cues = (words: string[]) =>
    `WEBVTT\n\nc1\n00:00:00.000 --> 00:00:10.000\n${words[0]}\n\nc2\n00:00:10.000 --> 00:01:00.000\n${words[1]}\n\nc3\n00:01:00.000 --> 00:01:50.000\n${words[2]}\n`;
  env.serve('https://lessons.test/captions/demo.fr.vtt', cues(['Bonjour', 'Au milieu', 'À la fin']));
  env.serve('https://lessons.test/captions/demo.en.vtt', cues(['Hello', 'In the middle', 'At the end']));
  const chapters = (a: string, b: string) => `WEBVTT\n\ndebut\n00:00:00.000 --> 00:01:00.000\n${a}\n\nsuite\n00:01:00.000 --> 00:02:00.000\n${b}\n`;
  env.serve('https://lessons.test/chapters/demo.fr.vtt', chapters('Début', 'Suite'));
  env.serve('https://lessons.test/chapters/demo.en.vtt', chapters('Start', 'Next'));
  env.serve('https://lessons.test/notes/debut.fr.md', '# Début');
  env.serve('https://lessons.test/notes/suite.fr.md', '# Suite');
  return url;
}

/** A running store with the small lesson loaded and a FakeMedia attached. */
export async function storeWithMedia(env = new FakeEnvironment()): Promise<{ env: FakeEnvironment; store: LessonStore; media: FakeMedia }> {
  const store = new LessonStore(env);
  store.start();
  await store.load(serveLesson(env));
  const media = new FakeMedia();
  store.attach(media);
  return { env, store, media };
}
