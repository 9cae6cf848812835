import { describe, expect, it } from 'vitest';
import type { Chapter, Cue } from './types.ts';
import { parseCaptions } from './vtt.ts';
import { buildLessonDocument, cuesToVtt, documentToText, fileStem, paragraphsOf } from './lesson-document.ts';

const cue = (index: number, start: number, end: number, text: string): Cue => ({ id: `c${index}`, index, start, end, text, nodes: [], line: 1 });
const chapter = (index: number, id: string, title: string, start: number, end: number): Chapter => ({ id, index, title, start, end, line: 1 });

const cues = [
  cue(0, 1, 3, 'Bonjour,\nje suis là.'),
  cue(1, 3.2, 5, 'Suite de la phrase.'),
  cue(2, 6, 8, 'Après une pause.'),
  cue(3, 10, 12, 'Deuxième chapitre & <b>'),
];
const chapters = [chapter(0, 'intro', 'Introduction', 0, 9), chapter(1, 'suite', 'La suite', 9, 14)];
const source = {
  manifest: { id: 'lecon', title: { fr: 'Ma leçon' }, language: 'fr' },
  contentLang: 'fr',
  cues,
  chapters,
  notes: new Map([['intro', '## Intro\nUne note']]),
};

describe('the lesson as a document', () => {
  it('joins cues into paragraphs, starting a new one after a pause of more than 0.9 s', () => {
    expect(paragraphsOf(cues.slice(0, 3))).toEqual([
      { start: 1, end: 5, text: 'Bonjour, je suis là. Suite de la phrase.' },
      { start: 6, end: 8, text: 'Après une pause.' },
    ]);
  });

  it('groups paragraphs under chapters, with the authored notes', () => {
    const doc = buildLessonDocument(source);
    expect(doc.title).toBe('Ma leçon');
    expect(doc.chapters.map((c) => [c.id, c.title, c.paragraphs.length, c.note])).toEqual([
      ['intro', 'Introduction', 2, '## Intro\nUne note'],
      ['suite', 'La suite', 1, undefined],
    ]);
  });

  it('writes plain text with headings and times', () => {
    const text = documentToText(buildLessonDocument(source));
    expect(text).toBe(
      'Ma leçon\n========\n\nIntroduction (0:00)\n-------------------\n\n[0:01] Bonjour, je suis là. Suite de la phrase.\n\n[0:06] Après une pause.\n\nLa suite (0:09)\n---------------\n\n[0:10] Deuxième chapitre & <b>\n',
    );
  });

  it('writes WebVTT that parses back to the same cues', () => {
    const vtt = cuesToVtt(cues);
    expect(vtt).toContain('00:10.000 --> 00:12.000\nDeuxième chapitre &amp; &lt;b&gt;');
    const parsed = parseCaptions(vtt, 'x.vtt');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.items.map((c) => [c.id, c.start, c.end, c.text])).toEqual(cues.map((c) => [c.id, c.start, c.end, c.text]));
  });

  it('puts the description track’s lines among the speech, in time order, in the text and the WebVTT', () => {
    const descriptionTracks = new Map([
      ['fr', [cue(0, 0, 1, 'Diapositive :\ntitre.'), cue(1, 9, 10, 'Chapitre 2 & <suite>.')]],
      ['en', [cue(0, 0, 1, 'Slide.')]],
    ]);
    const doc = buildLessonDocument({ ...source, descriptionTracks });
    expect(doc.chapters.map((c) => c.descriptions?.map((d) => d.text))).toEqual([['Diapositive : titre.'], ['Chapitre 2 & <suite>.']]);
    expect(buildLessonDocument({ ...source, contentLang: 'de', descriptionTracks }).chapters[0]!.descriptions![0]!.text).toBe('Diapositive : titre.');
    expect(documentToText(doc, 'Description\u00a0: ')).toBe(
      'Ma leçon\n========\n\nIntroduction (0:00)\n-------------------\n\n[0:00] [Description\u00a0: Diapositive : titre.]\n\n[0:01] Bonjour, je suis là. Suite de la phrase.\n\n[0:06] Après une pause.\n\nLa suite (0:09)\n---------------\n\n[0:09] [Description\u00a0: Chapitre 2 & <suite>.]\n\n[0:10] Deuxième chapitre & <b>\n',
    );
    const parsed = parseCaptions(cuesToVtt(cues, descriptionTracks.get('fr'), 'Description : '), 'x.vtt');
    expect(parsed.items.map((c) => [c.id, c.start, c.text.split('\n')[0]])).toEqual([
      ['description-c0', 0, 'Description : Diapositive :'],
      ['c0', 1, 'Bonjour,'],
      ['c1', 3.2, 'Suite de la phrase.'],
      ['c2', 6, 'Après une pause.'],
      ['description-c1', 9, 'Description : Chapitre 2 & <suite>.'],
      ['c3', 10, 'Deuxième chapitre & <b>'],
    ]);
  });

  it('makes safe file names', () => {
    expect(fileStem('survivre-en-milieu-hostile')).toBe('survivre-en-milieu-hostile');
    expect(fileStem('../a b')).toBe('a-b');
    expect(fileStem('///')).toBe('lecon');
  });
});
