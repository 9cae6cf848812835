/**
 * What the system's media controls (Media Session API) show and do for a lesson, without the DOM: the metadata
 * (title, series, poster as artwork, chapters) and where the previous/next track keys go (the chapters).
 */
import { lessonTitle } from './lesson-title.ts';
import { chapterIndexAt } from './timeline.ts';
import type { Chapter, LessonManifest } from './types.ts';

export interface MediaSessionInfo {
  title: string;
  /** The series, else the provider: what a music player would show as the artist. */
  artist: string;
  album: string;
  artwork: { src: string }[];
  /** Chapters as the Media Session's `chapterInfo` lists them (browsers without it ignore the member). */
  chapterInfo: { title: string; startTime: number; artwork: { src: string }[] }[];
}

export function mediaSessionInfo(
  manifest: Pick<LessonManifest, 'id' | 'title' | 'language' | 'series' | 'provider' | 'poster'>,
  lang: string,
  chapters: readonly Pick<Chapter, 'title' | 'start'>[],
): MediaSessionInfo {
  const series = manifest.series ? (manifest.series[lang] ?? manifest.series[manifest.language] ?? '') : '';
  const artwork = manifest.poster ? [{ src: manifest.poster }] : [];
  return {
    title: lessonTitle(manifest, lang),
    artist: series || manifest.provider?.name || '',
    album: series,
    artwork,
    // No artwork per chapter: Chromium fetches each chapter's image anew when playback starts, all at once (the poster
    // eleven times over for the demo lesson, 830 kB: 11 s of a 600 kbit/s network, which starved the stream).
    chapterInfo: chapters.map((c) => ({ title: c.title, startTime: c.start, artwork: [] })),
  };
}

/**
 * Where the previous or next track key goes from `time`: the start of the chapter before or after the current one
 * (before the first chapter, "next" is the first). Null where there is none (next from the last chapter, or no
 * chapters); "previous" from the first chapter goes back to its start.
 */
export function adjacentChapterStart(chapters: readonly Pick<Chapter, 'start' | 'end'>[], time: number, direction: -1 | 1): number | null {
  if (!chapters.length) return null;
  const current = chapterIndexAt(chapters, time);
  const target = direction < 0 ? Math.max(0, current - 1) : current + 1;
  return chapters[target]?.start ?? null;
}
