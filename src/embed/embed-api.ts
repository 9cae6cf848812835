/**
 * Host-side client of the iframe embed's postMessage API (`lesson-player/embed-api`).
 *
 * ```js
 * import { connectLessonEmbed } from 'lesson-player/embed-api';
 * const p = connectLessonEmbed(document.querySelector('iframe'), { origin: 'https://lecons.example' });
 * await p.ready;
 * p.seek(30);
 * p.on('chapterchange', (e) => console.log(e.chapter?.title));
 * ```
 *
 * Only messages from the iframe's window and `origin` that match the protocol's schema are read; commands are sent
 * to `origin` only. The embed must list the host page's origin in its `origins` URL parameter (unless both share
 * one origin).
 */
import {
  ANY_PLAYER,
  envelope,
  parseEmbedEvent,
  type EmbedCommand,
  type EmbedEvent,
  type EmbedEventType,
} from './protocol.ts';

export type { EmbedChapterInfo, EmbedCommand, EmbedEvent, EmbedEventType } from './protocol.ts';
export { EMBED_SOURCE, EMBED_VERSION, parseEmbedEvent } from './protocol.ts';

export type EmbedEventOf<T extends EmbedEventType> = Extract<EmbedEvent, { type: T }>;

export interface ConnectOptions {
  /** Origin of the embed (the iframe's `src`); defaults to it. */
  origin?: string;
  /** How often to say `hello` until the embed answers, in ms (default 250). */
  helloInterval?: number;
}

export interface LessonEmbed {
  /** Resolves with the `ready` event once the embed has loaded its lesson. */
  readonly ready: Promise<EmbedEventOf<'ready'>>;
  /** The embedded player's id (known once ready). */
  readonly id: string | null;
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  seekToChapter(chapterId: string): void;
  /** A caption language (e.g. `fr`), or null to turn captions off. */
  setCaptions(lang: string | null): void;
  /** Audio description: a track's language (e.g. `fr`), true for the lesson's, false or null for off. */
  setDescriptions(lang: string | boolean | null): void;
  openNotes(chapterId: string): void;
  /** Listens to an event; returns a function that stops listening. */
  on<T extends EmbedEventType>(type: T, listener: (event: EmbedEventOf<T>) => void): () => void;
  /** Stops listening to the iframe. */
  disconnect(): void;
}

export function connectLessonEmbed(iframe: HTMLIFrameElement, options: ConnectOptions = {}): LessonEmbed {
  const origin = options.origin ?? new URL(iframe.src, document.baseURI).origin;
  const listeners = new Map<EmbedEventType, Set<(event: never) => void>>();
  const queue: EmbedCommand[] = [];
  let id: string | null = null;
  let resolveReady!: (event: EmbedEventOf<'ready'>) => void;
  const ready = new Promise<EmbedEventOf<'ready'>>((resolve) => (resolveReady = resolve));

  // Before the iframe leaves its initial about:blank, a message for `origin` would be refused (with a console error).
  const arrived = () => {
    try {
      return iframe.contentWindow?.location.origin === origin;
    } catch {
      return true; // cross-origin: it has navigated to the embed
    }
  };
  const post = (command: EmbedCommand, to = id) => {
    if (arrived()) iframe.contentWindow?.postMessage(envelope(to ?? ANY_PLAYER, command), origin);
  };
  const send = (command: EmbedCommand) => (id ? post(command) : queue.push(command));

  const onMessage = (message: MessageEvent) => {
    if (message.source !== iframe.contentWindow || message.origin !== origin) return;
    const event = parseEmbedEvent(message.data);
    if (!event || (id !== null && event.id !== id)) return;
    if (event.type === 'ready' && id === null) {
      id = event.id;
      clearInterval(hello);
      for (const command of queue.splice(0)) post(command);
      resolveReady(event);
    }
    for (const listener of listeners.get(event.type) ?? []) (listener as (e: EmbedEvent) => void)(event);
  };
  window.addEventListener('message', onMessage);
  // The embed may have loaded before this call: ask it to say `ready` again until it does.
  const hello = setInterval(() => post({ type: 'hello' }, ANY_PLAYER), options.helloInterval ?? 250);
  post({ type: 'hello' }, ANY_PLAYER);

  return {
    ready,
    get id() {
      return id;
    },
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    seek: (time) => send({ type: 'seek', time }),
    seekToChapter: (chapter) => send({ type: 'seekToChapter', chapter }),
    setCaptions: (lang) => send({ type: 'setCaptions', lang }),
    setDescriptions: (lang) => send({ type: 'setDescriptions', lang }),
    openNotes: (chapter) => send({ type: 'openNotes', chapter }),
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      set.add(listener as (event: never) => void);
      return () => set.delete(listener as (event: never) => void);
    },
    disconnect() {
      clearInterval(hello);
      window.removeEventListener('message', onMessage);
      listeners.clear();
    },
  };
}
