/**
 * The `lesson-player` library: importing it registers every element — `<lesson-player>`, `<lesson-transcript>`,
 * `<lesson-chapters>`, `<lesson-notes>`, `<lesson-captions>` and `<lesson-embed>`. Styles live in the elements'
 * shadow roots: no stylesheet to add.
 */
export { LessonPlayer } from './components/lesson-player/lesson-player.ts';
export { LessonTranscript } from './components/lesson-transcript/lesson-transcript.ts';
export { LessonChapters } from './components/lesson-chapters/lesson-chapters.ts';
export { LessonNotes } from './components/lesson-notes/lesson-notes.ts';
export { LessonCaptions } from './components/lesson-captions/lesson-captions.ts';
export { LessonEmbed } from './components/lesson-embed/lesson-embed.ts';
export type { Chapter, Cue, LessonManifest, LessonProblem } from './core/types.ts';
export type {
  LessonChapterChangeDetail,
  LessonCueChangeDetail,
  LessonErrorDetail,
  LessonReadyDetail,
} from './state/lesson-events.ts';
