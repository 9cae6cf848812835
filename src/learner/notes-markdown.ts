/**
 * The learner's notes as a Markdown file, and back. DOM-free.
 *
 * The export reads as a document (chapter headings, each note under its time, a link back to that moment) and
 * carries what a round trip needs in HTML comments, which Markdown viewers hide: the lesson id, each chapter's id,
 * each note's id and last change. The import reads only this format — tolerantly (CRLF, a BOM, blank lines, a
 * note typed by hand under `### 2:11` without its comment) — and reports anything else with its line number.
 * The text of a note is untrusted: lines that would be read as structure are escaped with a backslash.
 */
import { parseDeepLink } from '../core/deep-link.ts';
import { chapterIndexAt } from '../core/timeline.ts';
import { formatTime, parseTime } from '../core/time.ts';
import type { Chapter } from '../core/types.ts';
import { momentLink, passageLink } from '../core/moment-link.ts';
import { MAX_NOTE_LENGTH, sortNotes, type LearnerNote } from './notes.ts';

/** Larger files are refused before parsing. */
export const MAX_IMPORT_BYTES = 1_000_000;

export interface NotesExportOptions {
  lessonId: string;
  lessonTitle: string;
  /** The heading's first words, e.g. "Mes notes". */
  heading: string;
  chapters: readonly Pick<Chapter, 'id' | 'title' | 'start'>[];
  /** The page's address: links to moments are built on it. */
  pageHref: string;
}

const META = /^<!--\s*lesson-player notes;\s*lesson:\s*([^;]*?)\s*;\s*version:\s*(\d+)\s*-->$/;
const CHAPTER_META = /^<!--\s*chapter:\s*([^\s]+)\s*-->$/;
const NOTE_META = /^<!--\s*note:\s*([^\s;]+)\s*;\s*updated:\s*([^\s]+)\s*-->$/;
const NOTE_HEADING = /^###\s+(?:\[([^\]]*)\]\(([^)\s]*)\)|(\S+))\s*$/;

/** Lines that the importer would read as structure (a quote's `>` included) get a leading backslash. */
function escapeLine(line: string): string {
  return /^\s*(#|\\|<!--|>)/.test(line) ? `\\${line}` : line;
}

function unescapeLine(line: string): string {
  return /^\\\s*(#|\\|<!--|>)/.test(line) ? line.slice(1) : line;
}

/** A note on a passage shows its range and links to it (the link plays it); other notes, their moment. */
function noteHeading(note: LearnerNote, pageHref: string): string {
  if (note.end === undefined) return `### [${formatTime(note.time)}](${momentLink(pageHref, note.time)})`;
  return `### [${formatTime(note.time)}–${formatTime(note.end)}](${passageLink(pageHref, note.time, note.end)})`;
}

/** The passage's words as a Markdown quote: one line, escaped as the note's text is. */
function quoteLines(note: LearnerNote): string[] {
  return note.quote ? ['', `> ${note.quote.replace(/\s+/g, ' ').trim().replace(/^([#\\]|<!--)/, '\\$1')}`] : [];
}

export function notesToMarkdown(notes: readonly LearnerNote[], options: NotesExportOptions): string {
  const live = sortNotes(notes.filter((n) => !n.deleted));
  const out: string[] = [
    `# ${options.heading} — ${options.lessonTitle.replace(/[\r\n]+/g, ' ')}`,
    `<!-- lesson-player notes; lesson: ${options.lessonId}; version: 1 -->`,
  ];
  const known = new Set(options.chapters.map((c) => c.id));
  const groups: { id: string; title: string }[] = options.chapters.map((c) => ({ id: c.id, title: c.title }));
  // Notes of a chapter the lesson no longer has still go out, under their chapter id.
  for (const note of live) {
    if (!known.has(note.chapterId)) {
      known.add(note.chapterId);
      groups.push({ id: note.chapterId, title: note.chapterId });
    }
  }
  for (const group of groups) {
    const inGroup = live.filter((n) => n.chapterId === group.id);
    if (!inGroup.length) continue;
    out.push('', `## ${group.title.replace(/[\r\n]+/g, ' ')}`, `<!-- chapter: ${group.id} -->`);
    for (const note of inGroup) {
      out.push(
        '',
        noteHeading(note, options.pageHref),
        `<!-- note: ${note.id}; updated: ${new Date(note.updatedAt).toISOString()} -->`,
        ...quoteLines(note),
        '',
        ...note.text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export type ImportProblemCode = 'too-large' | 'not-notes' | 'other-lesson' | 'newer-version' | 'bad-time' | 'text-outside-note' | 'too-long';

export interface ImportProblem {
  code: ImportProblemCode;
  /** 1-based, when the problem is on a line. */
  line?: number;
  /** The lesson id the file is for (`other-lesson`). */
  detail?: string;
}

export interface NotesImport {
  notes: LearnerNote[];
  problems: ImportProblem[];
}

export interface NotesImportOptions {
  lessonId: string;
  chapters: readonly Pick<Chapter, 'id' | 'title' | 'start' | 'end'>[];
}

/** A stable id for a note typed by hand: importing the same file twice gives the same notes. */
function contentId(chapterId: string, time: number, text: string): string {
  let hash = 2166136261;
  for (const ch of `${chapterId}\u0000${time}\u0000${text}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return `md-${hash.toString(36)}`;
}

/**
 * Reads a file written by `notesToMarkdown` (or typed after its pattern). Any problem means no notes: a half
 * import would be hard to notice and to undo.
 */
export function notesFromMarkdown(source: string, options: NotesImportOptions): NotesImport {
  if (source.length > MAX_IMPORT_BYTES) return { notes: [], problems: [{ code: 'too-large' }] };
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const problems: ImportProblem[] = [];
  const notes: LearnerNote[] = [];
  let sawMeta = false;
  let chapter: { id?: string; title: string } | null = null;
  let note: { line: number; time: number; end?: number; quote?: string; id?: string; updatedAt?: number; body: string[] } | null = null;

  const chapterFor = (time: number): string => {
    const byId = chapter?.id && options.chapters.find((c) => c.id === chapter!.id);
    if (byId) return byId.id;
    const byTitle = chapter && options.chapters.find((c) => c.title.trim() === chapter!.title.trim());
    if (byTitle) return byTitle.id;
    if (chapter?.id && !options.chapters.length) return chapter.id;
    return options.chapters[Math.max(0, chapterIndexAt(options.chapters, time))]?.id ?? chapter?.id ?? '';
  };
  const closeNote = () => {
    if (!note) return;
    const body = [...note.body];
    while (body.length && body[0]!.trim() === '') body.shift();
    while (body.length && body.at(-1)!.trim() === '') body.pop();
    const text = body.join('\n');
    if (text.length > MAX_NOTE_LENGTH) problems.push({ code: 'too-long', line: note.line });
    const chapterId = chapterFor(note.time);
    const updatedAt = note.updatedAt ?? 0;
    notes.push({
      id: note.id ?? contentId(chapterId, note.time, text),
      chapterId,
      time: note.time,
      ...(note.end !== undefined && note.end > note.time ? { end: note.end } : {}),
      ...(note.quote ? { quote: note.quote.slice(0, MAX_NOTE_LENGTH) } : {}),
      text,
      createdAt: updatedAt,
      updatedAt,
    });
    note = null;
  };

  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    const lineNo = i + 1;
    const meta = META.exec(line.trim());
    if (meta) {
      sawMeta = true;
      if (meta[1] !== options.lessonId) problems.push({ code: 'other-lesson', line: lineNo, detail: meta[1] });
      if (Number(meta[2]) > 1) problems.push({ code: 'newer-version', line: lineNo });
      return;
    }
    if (/^#\s/.test(line)) {
      closeNote();
      return;
    }
    if (/^##\s/.test(line)) {
      closeNote();
      chapter = { title: line.replace(/^##\s+/, '') };
      return;
    }
    const chapterMeta = CHAPTER_META.exec(line.trim());
    if (chapterMeta && chapter && !note) {
      chapter.id = chapterMeta[1];
      return;
    }
    if (/^###(\s|$)/.test(line)) {
      closeNote();
      const heading = NOTE_HEADING.exec(line);
      const fromLink = heading?.[2] ? parseDeepLink(heading[2].slice(heading[2].indexOf('#') + 1)) : undefined;
      const time = fromLink?.time ?? parseTime(heading?.[1] ?? heading?.[3] ?? '');
      if (time === undefined) {
        problems.push({ code: 'bad-time', line: lineNo });
        return;
      }
      note = { line: lineNo, time: Math.floor(time), end: fromLink?.end, body: [] };
      return;
    }
    // A passage's words: a quote before the note's text.
    if (note && note.quote === undefined && /^>\s?/.test(line) && note.body.every((l) => l.trim() === '')) {
      note.quote = unescapeLine(line.replace(/^>\s?/, ''));
      return;
    }
    const noteMeta = NOTE_META.exec(line.trim());
    if (noteMeta && note && note.body.every((l) => l.trim() === '') && note.id === undefined) {
      const updated = Date.parse(noteMeta[2]!);
      note.id = noteMeta[1]!.slice(0, 64);
      if (Number.isFinite(updated)) note.updatedAt = updated;
      return;
    }
    if (note) note.body.push(unescapeLine(raw));
    else if (line.trim() !== '') problems.push({ code: 'text-outside-note', line: lineNo });
  });
  closeNote();
  // Neither our comment nor a single note: not a notes file at all, whatever else is wrong with it.
  if (!sawMeta && !notes.length) return { notes: [], problems: [{ code: 'not-notes' }] };
  return problems.length ? { notes: [], problems } : { notes: sortNotes(notes), problems };
}
