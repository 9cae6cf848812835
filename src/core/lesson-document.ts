/**
 * The lesson as a document to keep: model → structure (title, chapters, paragraphs, what the description track
 * says is on screen, authored notes), and that structure as plain text; the transcript's cues (and descriptions) as
 * WebVTT. DOM-free and i18n-free (the caller gives the words): the print view and the downloads build on it.
 *
 * Paragraphs, not cue fragments: a chapter's cues are joined into running text, and a new paragraph starts at a
 * pause in speech (more than 0.9 s between two cues), or at a sentence end once a paragraph has grown long.
 */
import { formatTime, formatVttTime } from './time.ts';
import type { Chapter, Cue, LessonManifest } from './types.ts';
import { lessonTitle } from './lesson-title.ts';
import { prose } from './passage.ts';

/** A pause longer than this between two cues starts a new paragraph. */
export const PARAGRAPH_PAUSE = 0.9;
/** A paragraph this long ends at the next sentence end. */
const LONG_PARAGRAPH = 480;
const SENTENCE_END = /[.!?…»"]\s*$/;

export interface DocumentParagraph {
  start: number;
  end: number;
  text: string;
}

export interface DocumentChapter {
  /** Null for the text before the first chapter (or a lesson without chapters). */
  id: string | null;
  title: string;
  start: number;
  end: number;
  paragraphs: DocumentParagraph[];
  /** What the description track says is on screen, from where it starts in this chapter (absent when none). */
  descriptions?: DocumentParagraph[];
  /** The authored note (Markdown), if any. */
  note?: string;
}

export interface LessonDocument {
  title: string;
  lang: string;
  chapters: DocumentChapter[];
}

export interface LessonDocumentSource {
  manifest: Pick<LessonManifest, 'id' | 'title' | 'language'>;
  contentLang: string;
  cues: readonly Cue[];
  chapters: readonly Chapter[];
  notes: ReadonlyMap<string, string>;
  /** The lesson's description tracks by language: the document takes its own language's, else the lesson's. */
  descriptionTracks?: ReadonlyMap<string, readonly Cue[]>;
}

/** The description cues for the document's language, else the lesson's language, else none. */
export function documentDescriptions(source: Pick<LessonDocumentSource, 'descriptionTracks' | 'contentLang' | 'manifest'>): readonly Cue[] {
  const tracks = source.descriptionTracks;
  return tracks?.get(source.contentLang) ?? tracks?.get(source.manifest.language) ?? [];
}

/** A cue's text as running text: its lines joined by spaces, runs of white space collapsed. */
function cueProse(cue: Pick<Cue, 'text'>): string {
  return prose(cue.text);
}

/** Joins cues (sorted by start) into paragraphs. */
export function paragraphsOf(cues: readonly Pick<Cue, 'start' | 'end' | 'text'>[]): DocumentParagraph[] {
  const paragraphs: DocumentParagraph[] = [];
  let current: DocumentParagraph | null = null;
  let previousEnd = -Infinity;
  for (const cue of cues) {
    const text = cueProse(cue);
    if (!text) continue;
    const pause = cue.start - previousEnd > PARAGRAPH_PAUSE;
    const long = current !== null && current.text.length >= LONG_PARAGRAPH && SENTENCE_END.test(current.text);
    if (!current || pause || long) {
      current = { start: cue.start, end: cue.end, text };
      paragraphs.push(current);
    } else {
      current.text += ` ${text}`;
      current.end = Math.max(current.end, cue.end);
    }
    previousEnd = cue.end;
  }
  return paragraphs;
}

export function buildLessonDocument(source: LessonDocumentSource): LessonDocument {
  const { manifest, contentLang, cues, chapters, notes } = source;
  const title = lessonTitle(manifest, contentLang);
  const sections: DocumentChapter[] = [];
  const firstStart = chapters[0]?.start ?? Infinity;
  const described = documentDescriptions(source).map((d) => ({ start: d.start, end: d.end, text: cueProse(d) }));
  const descriptionsIn = (from: number, to: number) => {
    const inside = described.filter((d) => d.start >= from && d.start < to);
    return inside.length ? { descriptions: inside } : {};
  };
  const before = cues.filter((c) => c.start < firstStart);
  if (before.length) {
    sections.push({ id: null, title, start: before[0]!.start, end: before.at(-1)!.end, paragraphs: paragraphsOf(before), ...descriptionsIn(-Infinity, firstStart) });
  }
  chapters.forEach((chapter, i) => {
    const next = chapters[i + 1];
    const inChapter = cues.filter((c) => c.start >= chapter.start && (!next || c.start < next.start));
    const note = notes.get(chapter.id);
    sections.push({
      id: chapter.id,
      title: chapter.title,
      start: chapter.start,
      end: chapter.end,
      paragraphs: paragraphsOf(inChapter),
      ...descriptionsIn(chapter.start, next ? next.start : Infinity),
      ...(note?.trim() ? { note } : {}),
    });
  });
  return { title, lang: contentLang, chapters: sections };
}

/** A chapter's paragraphs and descriptions in time order, each description's text after `label` (a description first at a tie). */
export function chapterTimeline(chapter: DocumentChapter, label: string): (DocumentParagraph & { description: boolean })[] {
  return [
    ...(chapter.descriptions ?? []).map((d) => ({ ...d, text: `${label}${d.text}`, description: true })),
    ...chapter.paragraphs.map((p) => ({ ...p, description: false })),
  ].sort((a, b) => a.start - b.start || Number(b.description) - Number(a.description));
}

/** The document as plain text: title, underlined chapter headings, timed paragraphs and descriptions (after `descriptionLabel`). */
export function documentToText(doc: LessonDocument, descriptionLabel = 'Description: '): string {
  const out: string[] = [doc.title, '='.repeat(Math.max(3, [...doc.title].length))];
  for (const chapter of doc.chapters) {
    const heading = `${chapter.title} (${formatTime(chapter.start)})`;
    out.push('', heading, '-'.repeat([...heading].length));
    for (const p of chapterTimeline(chapter, descriptionLabel)) out.push('', `[${formatTime(p.start)}] ${p.description ? `[${p.text}]` : p.text}`);
  }
  return `${out.join('\n')}\n`;
}

/** Cue text as a WebVTT payload: `&`, `<` and `>` escaped (which also keeps `-->` out), no blank lines. */
function vttPayload(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** An identifier line may not hold `-->` nor a line break. */
function vttId(id: string): string {
  return id.replace(/-->/g, '—>').replace(/[\r\n]+/g, ' ');
}

/** The transcript's cues as a WebVTT file (text without markup), with the descriptions' cues (after `label`) in time order. */
export function cuesToVtt(
  cues: readonly Pick<Cue, 'id' | 'start' | 'end' | 'text'>[],
  descriptions: readonly Pick<Cue, 'id' | 'start' | 'end' | 'text'>[] = [],
  label = 'Description: ',
): string {
  const described = descriptions.map((d) => ({ ...d, id: `description-${d.id}`, text: `${label}${d.text}` }));
  const blocks = [...cues, ...described]
    .sort((a, b) => a.start - b.start)
    .map((cue) => ({ cue, payload: vttPayload(cue.text) }))
    .filter(({ payload }) => payload !== '')
    .map(({ cue, payload }) => `${vttId(cue.id)}\n${formatVttTime(cue.start)} --> ${formatVttTime(cue.end)}\n${payload}`);
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** A file name from the lesson id: letters, digits and dashes. */
export function fileStem(lessonId: string): string {
  return lessonId.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'lecon';
}
