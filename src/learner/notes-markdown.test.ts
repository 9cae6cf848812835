import { describe, expect, it } from 'vitest';
import { notesFromMarkdown, notesToMarkdown } from './notes-markdown.ts';
import { mergeNotes, type LearnerNote } from './notes.ts';

const chapters = [
  { id: 'introduction', title: 'Introduction', start: 0, end: 41.5 },
  { id: 'la-crise-politique', title: 'La crise politique', start: 41.5, end: 200 },
];
const exportOptions = { lessonId: 'lecon', lessonTitle: 'Survivre', heading: 'Mes notes', chapters, pageHref: 'https://example.org/lecon.html?x=1#chapter=intro' };
const importOptions = { lessonId: 'lecon', chapters };

const note = (id: string, chapterId: string, time: number, text: string, updatedAt = 1_700_000_000_000): LearnerNote => ({
  id,
  chapterId,
  time,
  text,
  createdAt: updatedAt,
  updatedAt,
});

describe('notes as Markdown', () => {
  const notes = [
    note('a', 'introduction', 12, 'Première idée'),
    note('b', 'la-crise-politique', 131, 'Deux lignes\n# pas un titre\n\\ antislash\n<!-- pas un commentaire -->\n<b>pas du HTML</b>'),
    note('c', 'la-crise-politique', 150, ''),
  ];

  it('exports chapter headings, times linking back to the moment, and the text', () => {
    const md = notesToMarkdown([...notes, { ...note('d', 'introduction', 5, 'effacée'), deleted: true }], exportOptions);
    expect(md).toContain('# Mes notes — Survivre');
    expect(md).toContain('## Introduction');
    expect(md).toContain('### [2:11](https://example.org/lecon.html?x=1#t=131)');
    expect(md).toContain('\\# pas un titre');
    expect(md).not.toContain('effacée');
    expect(md.indexOf('## Introduction')).toBeLessThan(md.indexOf('## La crise politique'));
  });

  it('round-trips: the same notes come back', () => {
    const back = notesFromMarkdown(notesToMarkdown(notes, exportOptions), importOptions);
    expect(back.problems).toEqual([]);
    expect(back.notes).toEqual(notes);
  });

  it('exports a note on a passage with its range, a link that plays it and its words quoted, and reads it back', () => {
    const passage: LearnerNote = { ...note('p', 'introduction', 4, 'Mon avis\n> pas une citation'), end: 13.7, quote: 'Depuis 2015 je suis responsable de l’incubateur' };
    const md = notesToMarkdown([passage, notes[0]!], exportOptions);
    expect(md).toContain(
      '### [0:04–0:13](https://example.org/lecon.html?x=1#t=4,13.7)\n<!-- note: p; updated: 2023-11-14T22:13:20.000Z -->\n\n> Depuis 2015 je suis responsable de l’incubateur\n\nMon avis\n\\> pas une citation',
    );
    const back = notesFromMarkdown(md, importOptions);
    expect(back.problems).toEqual([]);
    expect(back.notes).toEqual([passage, notes[0]]);
  });

  it('merges an import without duplicates', () => {
    const back = notesFromMarkdown(notesToMarkdown(notes, exportOptions), importOptions).notes;
    const edited = { ...notes[0]!, text: 'modifiée', updatedAt: notes[0]!.updatedAt + 10 };
    const merged = mergeNotes([[edited, notes[1]!, notes[2]!], back]);
    expect(merged.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(merged[0]!.text).toBe('modifiée');
  });

  it('reads notes typed by hand after the pattern, with CRLF and a BOM, and gives them stable ids', () => {
    const md = '\uFEFF# Notes\r\n\r\n## La crise politique\r\n\r\n### 2:11\r\nÀ revoir\r\n\r\n### [3:00](#t=180)\r\nEt ça\r\n';
    const first = notesFromMarkdown(md, importOptions);
    expect(first.problems).toEqual([]);
    expect(first.notes.map((n) => [n.chapterId, n.time, n.text])).toEqual([
      ['la-crise-politique', 131, 'À revoir'],
      ['la-crise-politique', 180, 'Et ça'],
    ]);
    expect(notesFromMarkdown(md, importOptions).notes.map((n) => n.id)).toEqual(first.notes.map((n) => n.id));
  });

  it('reports what it cannot read, with the line, and imports nothing then', () => {
    expect(notesFromMarkdown('Bonjour\nun texte', importOptions)).toEqual({ notes: [], problems: [{ code: 'not-notes' }] });
    const badTime = notesFromMarkdown('<!-- lesson-player notes; lesson: lecon; version: 1 -->\n## Introduction\n### demain\ntexte', importOptions);
    expect(badTime.notes).toEqual([]);
    expect(badTime.problems).toContainEqual({ code: 'bad-time', line: 3 });
    const other = notesFromMarkdown('<!-- lesson-player notes; lesson: autre; version: 1 -->\n### 0:10\nx', importOptions);
    expect(other.problems).toEqual([{ code: 'other-lesson', line: 1, detail: 'autre' }]);
    const outside = notesFromMarkdown('<!-- lesson-player notes; lesson: lecon; version: 1 -->\nperdu\n### 0:10\nx', importOptions);
    expect(outside.problems).toEqual([{ code: 'text-outside-note', line: 2 }]);
    expect(notesFromMarkdown('x'.repeat(1_000_001), importOptions).problems).toEqual([{ code: 'too-large' }]);
  });
});
