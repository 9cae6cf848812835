/**
 * The `lesson-player` library: importing it registers `<lesson-player>` and `<lesson-captions>`. The panels —
 * `<lesson-transcript>`, `<lesson-chapters>`, `<lesson-notes>` and `<lesson-embed>` — are a lazy chunk that the
 * first connected player fetches (src/components/lesson-player/panels.ts), as on the demo page: a page pays for
 * the video first. Their classes are exported as types; at run time, `customElements.whenDefined('lesson-notes')`
 * resolves to the class once it is registered. Styles live in the elements' shadow roots: no stylesheet to add.
 */
export { LessonPlayer } from './components/lesson-player/lesson-player.ts';
export { LessonCaptions } from './components/lesson-captions/lesson-captions.ts';
export type { LessonTranscript } from './components/lesson-transcript/lesson-transcript.ts';
export type { LessonChapters } from './components/lesson-chapters/lesson-chapters.ts';
export type { LessonNotes } from './components/lesson-notes/lesson-notes.ts';
export type { LessonEmbed } from './components/lesson-embed/lesson-embed.ts';
export type { Chapter, Cue, LessonManifest, LessonProblem } from './core/types.ts';
export type {
  LessonChapterChangeDetail,
  LessonCueChangeDetail,
  LessonErrorDetail,
  LessonReadyDetail,
} from './state/lesson-events.ts';
