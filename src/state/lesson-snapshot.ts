/**
 * What the lesson store holds and tells its views: the snapshot (a new object on each change), what changed, the
 * one-shot requests to the views, and the plugins that live with the store (lesson-store.ts).
 */
import type { LessonProblem, Cue } from '../core/types.ts';
import type { DescriptionsState } from './audio-description.ts';
import type { LessonModel } from './lesson-loader.ts';
import type { PassageRange } from './passage-stop.ts';
import type { UiLanguage } from './ui-language.ts';

export type LessonStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What changed, so that a view re-renders only for what it shows ('active' comes with a new line or chapter). */
export type LessonChange = 'status' | 'model' | 'active' | 'playback' | 'captions' | 'descriptions' | 'problems' | 'lang' | 'passage';

export interface LessonSnapshot {
  readonly status: LessonStatus;
  readonly model: LessonModel | null;
  readonly problems: readonly LessonProblem[];
  /** The UI language of every view of this player. */
  readonly lang: UiLanguage;
  /** The transcript line being spoken, or the last one spoken during a pause in speech. */
  readonly activeCueIndex: number;
  readonly activeChapterIndex: number;
  /** The caption shown over the video (strict cue timing), from the track of `captionsLanguage`. */
  readonly overlayCue: Cue | null;
  readonly captionsLanguage: string | null;
  /** Audio description: the track on (or null), delivery and settings (audio-description.ts). */
  readonly descriptions: DescriptionsState;
  readonly paused: boolean;
  /** Seconds: the media's once loaded, else the manifest's, else the tracks' last end. */
  readonly duration: number;
  /** The lesson's time when this snapshot was made (`store.currentTime` reads it between snapshots). */
  readonly currentTime: number;
  /** Whether the lesson's note files are still arriving (the lesson is ready without them). */
  readonly notesLoading: boolean;
  /** The passage opened from a link (`#t=83,88`): highlighted, and playback pauses once at its end. */
  readonly passage: PassageRange | null;
}

/** One-shot requests to the views: dropped when no view listens. */
export interface LessonRequests {
  /** Show a chapter's note; `focus` moves the focus to it (the learner asked for it). */
  'open-notes': { chapterId: string; focus: boolean };
  /** Say this in the player's polite live region (worded by the view that asks, in `snapshot.lang`). */
  announce: { message: string };
  /**
   * A fact: the lesson's time jumped from `from` to `to`, by a seek asked of the store (at once) or made with the
   * media's own controls (when the media has done it). Watched time and xAPI's `seeked` learn seeks from here.
   */
  seeked: { from: number; to: number };
}

/** A reporter that lives with the store (a learning platform's bridge): started, stopped and disposed with it. */
export interface StorePlugin {
  start(): void;
  /** The player left the page (it may come back). */
  stop(): void;
  /** The store is not used again. */
  dispose(): void;
}

/** The snapshot of a store that has loaded nothing yet. */
export function initialSnapshot(): LessonSnapshot {
  return {
    status: 'idle',
    model: null,
    problems: [],
    lang: 'fr',
    activeCueIndex: -1,
    activeChapterIndex: -1,
    overlayCue: null,
    captionsLanguage: null,
    descriptions: { language: null, available: [], delivery: 'announce', rate: 1, extended: true, spokenSubtitles: false, fallback: null },
    paused: true,
    duration: 0,
    currentTime: 0,
    notesLoading: false,
    passage: null,
  };
}

/** The lesson's length: the media's once it knows it, else the manifest's, else where its last chapter or line ends. */
export function lessonDuration(mediaDuration: number, model: LessonModel | null): number {
  return mediaDuration || model?.manifest.duration || model?.chapters.at(-1)?.end || model?.cues.at(-1)?.end || 0;
}
