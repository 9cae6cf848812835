import type { LessonManifest } from './types.ts';

/** The lesson's title in `lang`, else in the lesson's own language, else its id: never empty. */
export function lessonTitle(manifest: Pick<LessonManifest, 'id' | 'title' | 'language'>, lang: string): string {
  return manifest.title[lang] ?? manifest.title[manifest.language] ?? manifest.id;
}
