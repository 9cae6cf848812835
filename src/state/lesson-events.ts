/**
 * The public `lesson-*` events of `<lesson-player>`, declared in HTMLElementEventMap so that
 * `player.addEventListener('lesson-ready', (e) => e.detail.duration)` is typed without a cast.
 */
import type { Chapter, Cue, LessonProblem } from '../core/types.ts';
import type { DescriptionsState } from './audio-description.ts';

export interface LessonReadyDetail {
  id: string;
  title: string;
  /** Seconds: the media's once it is loaded, else the manifest's `duration`, else the tracks' last end. */
  duration: number;
  cues: number;
  chapters: number;
  /** Audio description: the track on (or null), the languages available, delivery and settings. */
  descriptions: DescriptionsState;
}
export interface LessonCueChangeDetail {
  cue: Cue | null;
  index: number;
}
export interface LessonChapterChangeDetail {
  chapter: Chapter | null;
  index: number;
}
/** Audio description turned on or off, its settings changed, or speech fell back to announcing. */
export type LessonDescriptionsChangeDetail = DescriptionsState;
export interface LessonErrorDetail {
  problem: LessonProblem;
}

export interface LessonEventMap {
  'lesson-ready': CustomEvent<LessonReadyDetail>;
  'lesson-cuechange': CustomEvent<LessonCueChangeDetail>;
  'lesson-chapterchange': CustomEvent<LessonChapterChangeDetail>;
  'lesson-error': CustomEvent<LessonErrorDetail>;
  'lesson-descriptionschange': CustomEvent<LessonDescriptionsChangeDetail>;
}

/** A public event: it bubbles and leaves the shadow root, as a native media event seen from the page would not. */
export function lessonEvent<K extends keyof LessonEventMap>(type: K, detail: LessonEventMap[K]['detail']): LessonEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as LessonEventMap[K];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends LessonEventMap {}
}
