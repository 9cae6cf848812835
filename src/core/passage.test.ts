import { describe, expect, it } from 'vitest';
import { passageLines, passageOf, passageTimes, prose, quoteText } from './passage.ts';

describe('prose', () => {
  it('turns caption line breaks and runs of spaces into single spaces', () => {
    expect(prose(' Depuis 2015 je suis responsable\nde l’incubateur \r\n des services ')).toBe('Depuis 2015 je suis responsable de l’incubateur des services');
  });
});

describe('passageOf', () => {
  it('joins the selected words of each line in cue order, as prose', () => {
    const passage = passageOf([
      { index: 12, text: 'dernière\nligne' },
      { index: 10, text: 'fin de la première' },
      { index: 11, text: 'toute la\nsuivante' },
    ]);
    expect(passage).toEqual({ first: 10, last: 12, text: 'fin de la première toute la suivante dernière ligne' });
  });
  it('spans only the lines that hold selected words', () => {
    expect(passageOf([{ index: 3, text: '  ' }, { index: 4, text: 'mot' }, { index: 5, text: '' }])).toEqual({ first: 4, last: 4, text: 'mot' });
  });
  it('is null without words', () => {
    expect(passageOf([])).toBeNull();
    expect(passageOf([{ index: 2, text: '\n' }])).toBeNull();
  });
});

describe('passageTimes', () => {
  const cues = [
    { start: 0, end: 4 },
    { start: 4, end: 8.5 },
    { start: 9, end: 12.25 },
  ];
  it('runs from the first line start to the last line end', () => {
    expect(passageTimes(cues, { first: 0, last: 2 })).toEqual({ start: 0, end: 12.25 });
    expect(passageTimes(cues, { first: 1, last: 1 })).toEqual({ start: 4, end: 8.5 });
  });
  it('is null for lines the lesson does not have', () => {
    expect(passageTimes(cues, { first: 1, last: 3 })).toBeNull();
  });
});

describe('quoteText', () => {
  it('quotes the words, names the lesson and its times, and ends with the link', () => {
    const text = quoteText({
      text: 'Depuis 2015 je suis responsable\nde l’incubateur',
      title: 'Survivre en milieu hostile',
      start: 83,
      end: 88.4,
      link: 'https://example.fr/lecon#t=83,88.4',
      open: '« ',
      close: ' »',
    });
    expect(text).toBe('« Depuis 2015 je suis responsable de l’incubateur »\n— Survivre en milieu hostile (1:23–1:28)\nhttps://example.fr/lecon#t=83,88.4\n');
  });
});

describe('passageLines', () => {
  const cues = [
    { start: 80, end: 83.5 },
    { start: 83.6, end: 86 },
    { start: 86, end: 88.31 },
    { start: 88.4, end: 92 },
  ];
  it('covers the lines of a copied passage, read back from its link', () => {
    // The link of lines 1 to 2 is #t=83,88.4: the line before ends within its first half second.
    expect(passageLines(cues, { start: 83, end: 88.4 })).toEqual({ first: 1, last: 2 });
  });
  it('is null when no line falls in the range', () => {
    expect(passageLines(cues, { start: 100, end: 110 })).toBeNull();
  });
});
