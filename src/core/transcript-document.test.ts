import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTranscriptDocument, describeSlide, type SlideWords } from './transcript-document.ts';
import type { Chapter, Cue } from './types.ts';
import { parseCaptions, parseChapters } from './vtt.ts';

const cue = (index: number, start: number, end: number, text: string): Cue => ({ id: `c${index}`, index, start, end, text, nodes: [], line: 1 });
const chapter = (index: number, id: string, title: string, start: number, end: number): Chapter => ({ id, index, title, start, end, line: 1 });
const fr: SlideWords = { slide: 'Diapositive', chapterOf: (n, total) => `Chapitre ${n} / ${total}`, colon: '\u00a0: ' };

const manifest = {
  id: 'lecon',
  title: { fr: 'Ma leçon', en: 'My lesson' },
  language: 'fr',
  series: { fr: 'Ma série' },
  provider: { name: 'beta.gouv.fr' },
};

describe('the full transcript as a text alternative', () => {
  it('describes each chapter’s slide before its speech, numbered in chapter order', () => {
    const doc = buildTranscriptDocument({
      manifest,
      contentLang: 'fr',
      cues: [cue(0, 0.5, 2, 'Avant le premier chapitre.'), cue(1, 3, 5, 'Premier.'), cue(2, 10, 12, 'Second\nsur deux lignes.')],
      chapters: [chapter(0, 'un', 'Un', 2.5, 9), chapter(1, 'deux', 'Deux', 9, 14)],
    });
    expect(doc.title).toBe('Ma leçon');
    expect(doc.sections.map((s) => [s.id, s.number, s.slide && describeSlide(s.slide, fr), s.paragraphs.map((p) => p.text)])).toEqual([
      [null, null, null, ['Avant le premier chapitre.']],
      ['un', 1, 'Diapositive\u00a0: Ma série · beta.gouv.fr — Ma leçon — Chapitre 1 / 2 — Un', ['Premier.']],
      ['deux', 2, 'Diapositive\u00a0: Ma série · beta.gouv.fr — Ma leçon — Chapitre 2 / 2 — Deux', ['Second sur deux lignes.']],
    ]);
  });

  it('falls back to the lesson language for the series, and leaves out what the manifest does not give', () => {
    const doc = buildTranscriptDocument({ manifest: { ...manifest, provider: undefined }, contentLang: 'en', cues: [cue(0, 0, 1, 'Hi.')], chapters: [chapter(0, 'a', 'A', 0, 2)] });
    expect(describeSlide(doc.sections[0]!.slide!, { slide: 'Slide', chapterOf: (n, t) => `Chapter ${n} / ${t}`, colon: ': ' })).toBe(
      'Slide: Ma série — My lesson — Chapter 1 / 1 — A',
    );
    const bare = buildTranscriptDocument({ manifest: { id: 'x', title: { fr: 'X' }, language: 'fr' }, contentLang: 'fr', cues: [], chapters: [chapter(0, 'a', 'A', 0, 2)] });
    expect(describeSlide(bare.sections[0]!.slide!, fr)).toBe('Diapositive\u00a0: X — Chapitre 1 / 1 — A');
  });

  it('holds every word of the lesson’s captions, in order, and one slide per chapter', () => {
    const cues = parseCaptions(readFileSync('captions/survivre-en-milieu-hostile.fr.vtt', 'utf8'), 'fr.vtt').items;
    const chapters = parseChapters(readFileSync('chapters/survivre-en-milieu-hostile.fr.vtt', 'utf8'), 'ch.vtt').items;
    const lesson = JSON.parse(readFileSync('lessons/survivre-en-milieu-hostile.json', 'utf8'));
    const doc = buildTranscriptDocument({ manifest: lesson, contentLang: 'fr', cues, chapters });
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(doc.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join(' '))).toEqual(words(cues.map((c) => c.text).join(' ')));
    expect(doc.sections.map((s) => s.slide && describeSlide(s.slide, fr))).toHaveLength(9);
    expect(describeSlide(doc.sections[2]!.slide!, fr)).toBe(
      'Diapositive\u00a0: Créer des services publics numériques innovants · beta.gouv.fr — Survivre en milieu hostile — Chapitre 3 / 9 — Le règne des process',
    );
  });

  it('takes the slides’ descriptions from the description track when the lesson has one: one source', () => {
    const doc = buildTranscriptDocument({
      manifest,
      contentLang: 'fr',
      cues: [cue(0, 3, 5, 'Premier.'), cue(1, 10, 12, 'Second.')],
      chapters: [chapter(0, 'un', 'Un', 2.5, 9), chapter(1, 'deux', 'Deux', 9, 14)],
      descriptionTracks: new Map([['fr', [cue(0, 2.5, 3, 'Diapositive :\nchapitre 1.'), cue(1, 9, 10, 'Diapositive : chapitre 2.'), cue(2, 13, 14, 'Écran noir.')]]]),
    });
    expect(doc.sections.map((s) => [s.id, s.slide, s.descriptions])).toEqual([
      ['un', null, [{ start: 2.5, end: 3, text: 'Diapositive : chapitre 1.' }]],
      [
        'deux',
        null,
        [
          { start: 9, end: 10, text: 'Diapositive : chapitre 2.' },
          { start: 13, end: 14, text: 'Écran noir.' },
        ],
      ],
    ]);
  });
});
