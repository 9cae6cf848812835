/**
 * The printable lesson: a `<lesson-print-document>` put at the end of `<body>`, hidden on screen; while it is
 * there, printing shows it alone (the page, the video and the controls are hidden under `@media print` by a
 * constructed style sheet, which a strict CSP allows). Built from the pure lesson document, as DOM nodes: the
 * transcript and the learner's notes as text, the authored notes through the same sanitising renderer as
 * `<lesson-notes>`.
 */
import { formatTime } from '../../core/time.ts';
import type { LearnerStrings } from '../../i18n/learner-strings.ts';
import { chapterTimeline, type LessonDocument } from '../../core/lesson-document.ts';
import type { LearnerNote } from '../../learner/notes.ts';
import { loadNoteRenderer } from '../lesson-notes/note-render.ts';

const TAG = 'lesson-print-document';

const PAGE_RULES = `@media print {
  body:has(> ${TAG}) > :not(${TAG}) { display: none !important; }
}`;

const DOCUMENT_STYLES = `
:host { display: none; }
@media print {
  :host { display: block; color: #000; background: #fff; font: 11pt/1.5 Georgia, 'DejaVu Serif', serif; }
}
h1 { font-size: 20pt; margin: 0 0 0.5em; }
h2 { font-size: 14pt; margin: 1.5em 0 0.5em; break-after: avoid; }
h3 { font-size: 12pt; margin: 1em 0 0.25em; break-after: avoid; }
.time { font-variant-numeric: tabular-nums; color: #333; font-size: 0.9em; }
.description { font-style: italic; border-left: 3px solid #666; padding-left: 0.5em; }
p { margin: 0 0 0.6em; orphans: 3; widows: 3; }
aside { border-inline-start: 3px solid #666; padding-inline-start: 0.75em; margin: 0.75em 0; break-inside: avoid-page; }
.my-note p { white-space: pre-wrap; }
a { color: inherit; }
`;

let pageSheet: CSSStyleSheet | null = null;

function installPageRules(): void {
  if (pageSheet) return;
  pageSheet = new CSSStyleSheet();
  pageSheet.replaceSync(PAGE_RULES);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Builds (or rebuilds) the print document; resolves once the authored notes are rendered. */
export async function preparePrintDocument(
  doc: LessonDocument,
  myNotes: readonly LearnerNote[] | null,
  s: LearnerStrings,
  descriptionLabel: string,
): Promise<HTMLElement> {
  installPageRules();
  document.querySelector(TAG)?.remove();
  const host = document.createElement(TAG);
  host.lang = doc.lang;
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(DOCUMENT_STYLES);
  root.adoptedStyleSheets = [sheet];

  const renderer = doc.chapters.some((c) => c.note) ? await loadNoteRenderer().catch(() => null) : null;
  const article = el('article');
  article.append(el('h1', undefined, doc.title));
  for (const chapter of doc.chapters) {
    const section = el('section');
    const heading = el('h2', undefined, `${chapter.title} `);
    heading.append(el('span', 'time', `(${formatTime(chapter.start)})`));
    section.append(heading);
    for (const p of chapterTimeline(chapter, descriptionLabel)) {
      const para = el('p', p.description ? 'description' : undefined);
      para.append(el('span', 'time', `[${formatTime(p.start)}]`), ` ${p.text}`);
      section.append(para);
    }
    if (chapter.note) {
      const aside = el('aside', 'authored-notes');
      aside.append(el('h3', undefined, s.authoredNotes));
      const body = el('div');
      if (renderer) body.append(renderer.render(chapter.note, 3));
      else body.append(el('p', undefined, chapter.note));
      aside.append(body);
      section.append(aside);
    }
    const mine = myNotes?.filter((n) => n.chapterId === chapter.id && (n.text.trim() !== '' || Boolean(n.quote))) ?? [];
    if (mine.length) {
      const aside = el('aside', 'my-notes');
      aside.append(el('h3', undefined, s.myNotes));
      for (const note of mine) {
        const item = el('div', 'my-note');
        const text = el('p');
        const times = note.end === undefined ? formatTime(note.time) : `${formatTime(note.time)}–${formatTime(note.end)}`;
        text.append(el('span', 'time', `[${times}]`), ` ${note.text}`);
        // A note on a passage prints the passage's words before the note.
        if (note.quote) item.append(el('blockquote', undefined, note.quote));
        item.append(text);
        aside.append(item);
      }
      section.append(aside);
    }
    article.append(section);
  }
  root.append(article);
  document.body.append(host);
  return host;
}

/** Saves text as a file through a temporary `a[download]`. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
