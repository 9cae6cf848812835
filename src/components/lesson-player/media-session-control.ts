/**
 * The system's media controls for `<lesson-player>` (Media Session API: keyboard media keys, the lock screen, the
 * browser's media hub): the lesson's title, series, poster and chapters as metadata, previous/next track to the
 * previous/next chapter, seek backward/forward by 10 s, and the position. A reactive controller: the system's
 * controls are one per page, so they go to the first player connected, then to the last one played; a player leaving
 * the page puts every handler it set back to null. Feature-detected: without the API (or `MediaMetadata`), it does
 * nothing.
 *
 * Vidstack's player keeps its own session for play, pause and seeking to a time, and writes its metadata when its
 * title or poster change; this controller writes the lesson's when the lesson or its language change and when
 * playback starts, so that the player being played shows its lesson, its series and its chapters.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { adjacentChapterStart, mediaSessionInfo } from '../../core/media-session-info.ts';
import type { LessonStore } from '../../state/lesson-store.ts';

/** The actions this controller answers (play, pause and seekto are Vidstack's). */
const ACTIONS = ['previoustrack', 'nexttrack', 'seekbackward', 'seekforward'] as const;
/** Seconds a seek backward or forward moves when the system does not say. */
const SEEK_OFFSET = 10;

/** The player whose lesson the system's controls show: the last one played (else the first one connected). */
let owner: MediaSessionControl | null = null;

export class MediaSessionControl implements ReactiveController {
  #stop: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly store: LessonStore,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!mediaSession()) return;
    this.#stop = this.store.subscribe((changes) => {
      const started = changes.has('playback') && !this.store.paused;
      if (started && owner !== this) this.#claim();
      else if (owner === this && (changes.has('model') || changes.has('lang') || started)) this.#writeMetadata();
      if (owner === this && (changes.has('playback') || changes.has('active'))) this.#writePosition();
    });
    if (!owner) this.#claim();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = null;
    const session = mediaSession();
    if (!session || owner !== this) return;
    owner = null;
    for (const action of ACTIONS) setHandler(session, action, null);
  }

  /** This player's lesson goes to the system's controls, and their keys to this player. */
  #claim(): void {
    const session = mediaSession();
    if (!session) return;
    owner = this;
    for (const action of ACTIONS) setHandler(session, action, (details) => this.#onAction(action, details));
    this.#writeMetadata();
  }

  #onAction(action: (typeof ACTIONS)[number], details: MediaSessionActionDetails): void {
    const store = this.store;
    if (action === 'seekbackward' || action === 'seekforward') {
      const offset = details.seekOffset ?? SEEK_OFFSET;
      store.seek(store.currentTime + (action === 'seekforward' ? offset : -offset));
      return;
    }
    const start = adjacentChapterStart(store.chapters, store.currentTime, action === 'nexttrack' ? 1 : -1);
    if (start !== null) store.seek(start);
  }

  #writeMetadata(): void {
    const model = this.store.model;
    const session = mediaSession();
    if (!model || !session || typeof MediaMetadata !== 'function') return;
    session.metadata = new MediaMetadata(mediaSessionInfo(model.manifest, model.contentLang, model.chapters) as MediaMetadataInit);
  }

  #writePosition(): void {
    const session = mediaSession();
    const duration = this.store.duration;
    if (!session?.setPositionState || !(duration > 0)) return;
    try {
      session.setPositionState({ duration, position: Math.min(Math.max(0, this.store.currentTime), duration), playbackRate: 1 });
    } catch {
      // A browser that refuses a position (out of range while the media settles) keeps its own.
    }
  }
}

function mediaSession(): MediaSession | null {
  return typeof navigator !== 'undefined' && 'mediaSession' in navigator ? navigator.mediaSession : null;
}

/** Browsers throw for actions they do not know (older ones lack `previoustrack` and friends): those are skipped. */
function setHandler(session: MediaSession, action: MediaSessionAction, handler: MediaSessionActionHandler | null): void {
  try {
    session.setActionHandler(action, handler);
  } catch {
    // Not supported here: the system shows no such control.
  }
}
