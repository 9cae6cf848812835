/**
 * Chapter tracks in several languages: one set of chapter ids for all of them, since notes and `#chapter=` links use
 * those ids. DOM-free.
 */
import type { Chapter, LessonProblem, ParsedTrack } from './types.ts';

/** Seconds two chapter boundaries may differ by and still be the same chapter in another language. */
const PAIRING_TOLERANCE = 0.5;

/**
 * A translated chapter track against the reference one (the lesson's language): notes and `#chapter=` links use the
 * reference ids. Tracks whose ids differ are paired by position when they have as many chapters at the same times
 * (a warning says so); otherwise they keep their own ids, with a warning.
 */
export function pairChapters(
  reference: readonly Chapter[],
  translated: readonly Chapter[],
  file: string,
  referenceName: string,
): ParsedTrack<Chapter> {
  const same = reference.length === translated.length && reference.every((c, i) => c.id === translated[i]!.id);
  const warn = (rule: string, message: string, line = 1): LessonProblem => ({ severity: 'warning', file, kind: 'chapters', rule, message, line, col: 1 });
  const timesMatch = (a: Chapter, b: Chapter) => Math.abs(a.start - b.start) <= PAIRING_TOLERANCE && Math.abs(a.end - b.end) <= PAIRING_TOLERANCE;
  if (reference.length === translated.length && reference.every((c, i) => timesMatch(c, translated[i]!))) {
    if (same) return { items: [...translated], problems: [] };
    return {
      items: translated.map((c, i) => ({ ...c, id: reference[i]!.id })),
      problems: [warn('chapters-lang-paired', `The chapter ids differ from ${referenceName}: paired by position (same number of chapters at the same times), with the ids of ${referenceName}.`)],
    };
  }
  if (reference.length !== translated.length) {
    return {
      items: [...translated],
      problems: [warn('chapters-lang-mismatch', `This track has ${translated.length} chapters and ${referenceName} ${reference.length}: they cannot be paired, so notes and #chapter= links may differ between languages.`)],
    };
  }
  const i = reference.findIndex((c, k) => !timesMatch(c, translated[k]!));
  const c = translated[i]!;
  return {
    items: [...translated],
    problems: [warn('chapters-lang-mismatch', `The chapter "${c.title}" has other times than in ${referenceName} (line ${reference[i]!.line}): the tracks cannot be paired.`, c.line)],
  };
}
