/**
 * The full transcript as a text alternative to the video (RGAA 4.1/4.2, WCAG 1.2.3/1.2.8): everything said, in
 * order, with the visual information of the slides described where each appears. DOM-free and i18n-free: the
 * `<lesson-transcript-document>` view renders it, and a printed or downloaded document can build on it too.
 *
 * The speech comes as paragraphs from the lesson document (lesson-document.ts). The slides of the lesson's
 * video are title cards, one per chapter, drawn from the lesson itself (scripts/build-media.mjs): the series and
 * its provider, the lesson title, "Chapter n / N" and the chapter title. Each chapter's section starts with that
 * description, before its speech, as the slide appears before the speech on screen.
 *
 * When the lesson has a description track (`descriptions` in the manifest), it is the one source: each section
 * carries the descriptions that start in it, and the built slide description is left out.
 */
import { buildLessonDocument, documentDescriptions, type DocumentParagraph, type LessonDocumentSource } from './lesson-document.ts';
import type { LessonManifest } from './types.ts';

/** What one title card shows, in reading order. */
export interface SlideDescription {
  /** The series line, e.g. "Créer des services publics numériques innovants · beta.gouv.fr". */
  series: string | null;
  title: string;
  /** 1-based. */
  chapterNumber: number;
  chapterCount: number;
  chapterTitle: string;
}

export interface TranscriptSection {
  /** Null for speech before the first chapter. */
  id: string | null;
  title: string;
  /** 1-based chapter number, null for speech before the first chapter. */
  number: number | null;
  start: number;
  end: number;
  slide: SlideDescription | null;
  /** From the description track: what is on screen, said where it starts in this section. */
  descriptions: DocumentParagraph[];
  paragraphs: DocumentParagraph[];
}

export interface TranscriptDocument {
  lang: string;
  title: string;
  series: string | null;
  sections: TranscriptSection[];
}

export interface TranscriptDocumentSource extends Omit<LessonDocumentSource, 'manifest' | 'notes'> {
  manifest: Pick<LessonManifest, 'id' | 'title' | 'language' | 'series' | 'provider'>;
}

/** The words of a slide description, in the document's language. */
export interface SlideWords {
  /** e.g. "Diapositive", "Slide". */
  slide: string;
  /** e.g. `Chapitre 3 / 9`. */
  chapterOf: (n: number, total: number) => string;
  /** Between a label and its text, e.g. " : " in French. */
  colon: string;
}

export function buildTranscriptDocument(source: TranscriptDocumentSource): TranscriptDocument {
  const { manifest, contentLang, chapters } = source;
  const lesson = buildLessonDocument({ ...source, notes: new Map() });
  const hasTrack = documentDescriptions(source).length > 0;
  const seriesName = manifest.series?.[contentLang] ?? manifest.series?.[manifest.language] ?? null;
  const series = seriesName && manifest.provider?.name ? `${seriesName} · ${manifest.provider.name}` : seriesName;
  const sections = lesson.chapters.map((chapter): TranscriptSection => {
    const index = chapter.id === null ? -1 : chapters.findIndex((c) => c.id === chapter.id);
    const number = index >= 0 ? index + 1 : null;
    return {
      id: chapter.id,
      title: chapter.title,
      number,
      start: chapter.start,
      end: chapter.end,
      descriptions: chapter.descriptions ?? [],
      slide: number === null || hasTrack ? null : { series, title: lesson.title, chapterNumber: number, chapterCount: chapters.length, chapterTitle: chapter.title },
      paragraphs: chapter.paragraphs,
    };
  });
  return { lang: lesson.lang, title: lesson.title, series: seriesName, sections };
}

/** One line for a slide, e.g. `Diapositive : Créer… · beta.gouv.fr — Survivre en milieu hostile — Chapitre 3 / 9 — Le règne des process`. */
export function describeSlide(slide: SlideDescription, words: SlideWords): string {
  const parts = [slide.series, slide.title, words.chapterOf(slide.chapterNumber, slide.chapterCount), slide.chapterTitle].filter(Boolean);
  return `${words.slide}${words.colon}${parts.join(' — ')}`;
}
