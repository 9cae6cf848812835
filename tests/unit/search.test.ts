import { describe, expect, it } from 'vitest';
import { findMatches, foldForSearch } from '../../src/core/search.ts';

describe('findMatches', () => {
  const texts = ['La panique sécuritaire', 'SÉCURITAIRE et sécurité', "l’objectif d'une œuvre"];

  it('is accent- and case-insensitive', () => {
    const matches = findMatches(texts, 'securitaire');
    expect(matches.map((m) => m.item)).toEqual([0, 1]);
    expect(texts[0]!.slice(matches[0]!.start, matches[0]!.start + matches[0]!.length)).toBe('sécuritaire');
    expect(texts[1]!.slice(matches[1]!.start, matches[1]!.start + matches[1]!.length)).toBe('SÉCURITAIRE');
  });

  it('finds every occurrence in an item, in order', () => {
    expect(findMatches(texts, 'secur').map((m) => [m.item, m.start])).toEqual([
      [0, 11],
      [1, 0],
      [1, 15],
    ]);
  });

  it('unifies apostrophes and ligatures, and maps back to the original range', () => {
    const [apostrophe] = findMatches(texts, "l'objectif");
    expect(apostrophe).toEqual({ item: 2, start: 0, length: 10 });
    const [ligature] = findMatches(texts, 'oeuvre');
    expect(texts[2]!.slice(ligature!.start, ligature!.start + ligature!.length)).toBe('œuvre');
  });

  it('matches nothing for a blank query', () => {
    expect(findMatches(texts, '   ')).toEqual([]);
  });

  it('treats decomposed accents like composed ones', () => {
    expect(findMatches(['se\u0301curite\u0301'], 'sécurité')).toHaveLength(1);
  });
});

describe('foldForSearch', () => {
  it('keeps one origin offset per folded character', () => {
    const { folded, origin } = foldForSearch('Œil');
    expect(folded).toBe('oeil');
    expect(origin).toEqual([0, 0, 1, 2, 3]);
  });
});
